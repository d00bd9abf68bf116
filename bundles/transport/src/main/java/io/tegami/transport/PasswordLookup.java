package io.tegami.transport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * {@code smtp_sasl_password_maps}, looked up as Postfix's smtp_sasl_passwd_lookup() does: with
 * {@code smtp_sender_dependent_authentication}, first the sender ({@code user@domain}, then
 * {@code @domain}); then the remote server's host name ({@code mx.example.org}, or the host of
 * {@code [host]}); then the next-hop destination exactly as written ({@code example.org},
 * {@code [mail.isp.example]:587}). The first table with an answer wins, and the answer is
 * {@code username:password}.
 */
final class PasswordLookup {

    /** A user name and password for AUTH. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]"; // never the password in logs
        }
    }

    private PasswordLookup() {
    }

    /** The keys to try, in order. */
    static List<String> keys(MailAddress sender, boolean senderDependent, String serverHost, Nexthop nexthop) {
        List<String> keys = new ArrayList<>();
        if (senderDependent && !sender.isNullSender()) {
            keys.add(sender.toString());
            keys.add("@" + sender.domain());
        }
        keys.add(serverHost);
        if (!nexthop.destination().equalsIgnoreCase(serverHost)) {
            keys.add(nexthop.destination());
        }
        return keys;
    }

    /**
     * Finds the credentials for a session.
     *
     * @return empty when no table has an entry: the session goes on without AUTH
     * @throws TableException when a table cannot be read (a temporary failure)
     */
    static Optional<Credentials> find(String maps, Path home, List<String> keys) throws TableException {
        if (maps.isBlank()) {
            return Optional.empty();
        }
        List<LookupTable> tables = LookupTables.openAll(maps, home);
        for (String key : keys) {
            for (LookupTable table : tables) {
                Optional<String> value = table.lookup(key);
                if (value.isPresent()) {
                    return Optional.of(parse(value.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code user:password}; the password may contain colons, the user name may not. */
    static Credentials parse(String value) {
        String v = value.trim();
        int colon = v.indexOf(':');
        return colon < 0 ? new Credentials(v, "") : new Credentials(v.substring(0, colon), v.substring(colon + 1));
    }
}
