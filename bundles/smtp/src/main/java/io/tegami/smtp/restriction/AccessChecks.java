package io.tegami.smtp.restriction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tegami.api.table.LookupTable;
import io.tegami.api.table.TableException;
import io.tegami.smtp.restriction.AccessTables.Key;
import io.tegami.smtp.session.SmtpdLog;

/**
 * The access(5) table restrictions: {@code check_client_access} (host name and its parent
 * domains, then the address and its shorter prefixes), {@code check_helo_access} (the name and its
 * parents), {@code check_sender_access} and {@code check_recipient_access} (the resolved address in
 * access(5)'s order; {@code <>} for the null sender), and {@code check_sasl_access}. The first key
 * found decides, even when its value is {@code DUNNO}. A table that cannot be read answers
 * {@code 451 4.3.5}, as Postfix does.
 */
final class AccessChecks {

    private static final String TABLE_ERROR = "451 4.3.5 Server configuration error";

    private AccessChecks() {
    }

    static Status client(CheckState state, String table) {
        Facts facts = state.facts();
        String name = facts.client().name();
        Status status = lookup(state, table, AccessTables.domainKeys(name, parentStyle(state), false), facts.namaddr(),
                Names.CLIENT);
        if (status != null) {
            return status;
        }
        status = lookup(state, table, addressKeys(facts.client().address()), facts.namaddr(), Names.CLIENT);
        return status != null ? status : Status.DUNNO;
    }

    static Status helo(CheckState state, String table) {
        if (state.helo == null) {
            return Status.DUNNO;
        }
        Status status = lookup(state, table, AccessTables.domainKeys(state.helo, parentStyle(state), false), state.helo,
                Names.HELO);
        return status != null ? status : Status.DUNNO;
    }

    static Status sender(CheckState state, String table) {
        if (state.sender == null) {
            return Status.DUNNO;
        }
        if (state.sender.isEmpty()) {
            String key = state.settings().get("smtpd_null_access_lookup_key", "<>");
            Status status = lookup(state, table, List.of(new Key(key, false)), state.sender, Names.SENDER);
            return status != null ? status : Status.DUNNO;
        }
        return mail(state, table, state.sender, Names.SENDER);
    }

    static Status recipient(CheckState state, String table) {
        return state.recipient == null ? Status.DUNNO : mail(state, table, state.recipient, Names.RECIPIENT);
    }

    static Status sasl(CheckState state, String table) {
        if (!state.settings().saslEnabled()) {
            SmtpdLog.warn("restriction `check_sasl_access' ignored: no SASL support");
            return Status.DUNNO;
        }
        String user = state.facts().saslUsername();
        if (user == null || user.isEmpty()) {
            return Status.DUNNO;
        }
        Status status = lookup(state, table, List.of(new Key(user, false)), user.replaceAll("\\p{Cntrl}", "_"),
                Names.SASL_USER);
        return status != null ? status : Status.DUNNO;
    }

    /** check_mail_access(): a source-routed recipient never gets OK, only DUNNO. */
    private static Status mail(CheckState state, String table, String address, String replyClass) {
        ResolvedAddress resolved = AddressChecks.resolve(state, address);
        if (resolved.recipient().indexOf('@') < 0) {
            SmtpdLog.warn("check_mail_access: no @domain in address: {}", resolved.recipient());
            return Status.DUNNO;
        }
        Status status = lookup(state, table, AccessTables.accessKeys(resolved.recipient(), state.settings()), address,
                replyClass);
        if (status == null) {
            return Status.DUNNO;
        }
        boolean suspicious = resolved.routed() && !state.settings().flag("allow_untrusted_routing", false)
                && Names.RECIPIENT.equals(replyClass);
        return status == Status.OK && suspicious ? Status.DUNNO : status;
    }

    /** The address, then its prefixes cut at {@code .} (IPv4) or {@code :} (IPv6). */
    static List<Key> addressKeys(String address) {
        List<Key> keys = new ArrayList<>();
        char delimiter = address.indexOf(':') >= 0 ? ':' : '.';
        String key = address;
        boolean partial = false;
        while (!key.isEmpty()) {
            keys.add(new Key(key, partial));
            partial = true;
            int cut = key.lastIndexOf(delimiter);
            if (cut < 0) {
                break;
            }
            key = key.substring(0, cut);
        }
        return keys;
    }

    /** Looks the keys up in order; {@code null} when none is in the table. */
    private static Status lookup(CheckState state, String table, List<Key> keys, String replyName, String replyClass) {
        LookupTable lookupTable;
        try {
            lookupTable = AccessTables.table(state.settings(), table);
        } catch (TableException e) {
            SmtpdLog.warn("{}: table error: {}", table, e.getMessage());
            return TableResult.apply(state, table, TABLE_ERROR, replyName, replyClass);
        }
        for (Key key : keys) {
            Optional<String> value;
            try {
                value = AccessTables.find(List.of(lookupTable), key);
            } catch (TableException e) {
                SmtpdLog.warn("{}: lookup of {} failed: {}", table, key.key(), e.getMessage());
                return TableResult.apply(state, table, TABLE_ERROR, replyName, replyClass);
            }
            if (value.isPresent()) {
                return TableResult.apply(state, table, value.get(), replyName, replyClass);
            }
        }
        return null;
    }

    private static boolean parentStyle(CheckState state) {
        return state.settings().parentMatchesSubdomains("smtpd_access_maps");
    }
}
