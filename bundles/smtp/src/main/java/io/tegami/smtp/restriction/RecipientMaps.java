package io.tegami.smtp.restriction;

import java.util.List;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.TableException;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.UserDirectory;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's check_rcpt_maps(), behind {@code reject_unlisted_recipient},
 * {@code reject_unlisted_sender} and their implicit forms ({@code smtpd_reject_unlisted_*}): an
 * address in a local domain must name a user of the user directory (Tegami's
 * {@code local_recipient_maps}), one in {@code virtual_alias_domains} must be listed in
 * {@code virtual_alias_maps}, and one in {@code relay_domains} must be listed in
 * {@code relay_recipient_maps} when that is set. An address that {@code virtual_alias_maps}
 * rewrites is listed whatever its domain. Each address is checked once per command.
 *
 * <p>An address that the queue's rewriters change ({@code canonical_maps},
 * {@code recipient_canonical_maps}, {@code sender_canonical_maps}: see {@link RewrittenAddress}) is
 * judged by what it becomes: a local user is accepted, another local name refused, and an address
 * in another domain accepted, as Postfix accepts every address those maps list.
 */
final class RecipientMaps {

    private RecipientMaps() {
    }

    static Status rejectUnlistedRecipient(CheckState state) {
        return state.recipient == null || state.recipient.isEmpty() ? Status.DUNNO : recipient(state, state.recipient);
    }

    static Status rejectUnlistedSender(CheckState state) {
        return state.sender == null || state.sender.isEmpty() ? Status.DUNNO : sender(state, state.sender);
    }

    static Status recipient(CheckState state, String recipient) {
        if (state.recipientMapsChecked) {
            return Status.DUNNO;
        }
        if (state.warnIfReject == 0) {
            state.recipientMapsChecked = true;
        }
        return check(state, recipient, Names.RECIPIENT);
    }

    static Status sender(CheckState state, String sender) {
        if (state.senderMapsChecked) {
            return Status.DUNNO;
        }
        if (state.warnIfReject == 0) {
            state.senderMapsChecked = true;
        }
        return check(state, sender, Names.SENDER);
    }

    private static Status check(CheckState state, String address, String replyClass) {
        ResolvedAddress resolved = AddressChecks.resolve(state, address);
        RestrictionSettings settings = state.settings();
        boolean sender = Names.SENDER.equals(replyClass);
        if (resolved.addressClass() != ResolvedAddress.AddressClass.DEFAULT
                && VirtualAliases.listed(state, resolved.recipient(), address)) {
            return Status.DUNNO; // Postfix accepts every address that virtual_alias_maps rewrites
        }
        if (resolved.addressClass() != ResolvedAddress.AddressClass.DEFAULT) {
            // Postfix accepts what canonical maps list; here the address they make is validated.
            String rewritten = RewrittenAddress.of(state, resolved.recipient(), sender, address);
            if (rewritten != null) {
                ResolvedAddress delivered = AddressChecks.resolve(state, rewritten);
                if (!delivered.isFinal()) {
                    return Status.DUNNO; // goes elsewhere: not this system's to verify
                }
                resolved = delivered;
            }
        }
        String dsn = sender ? "5.1.0" : "5.1.1";
        String table = settings.flag("show_user_unknown_table_name", true) ? " in %s recipient table" : "";
        switch (resolved.addressClass()) {
            case LOCAL -> {
                String r = resolved.recipient();
                if (settings.localRecipientMaps() && !matchLeft(settings.doubleBounceSender(), r)
                        && !matchLeft("postmaster", r) && !matchLeft("MAILER-DAEMON", r) && !userExists(state, resolved, address)) {
                    return Rejects.reject(state, ErrorClass.BOUNCE, settings.code("unknown_local_recipient_reject_code", 550),
                            dsn, Generic.rejected(address, replyClass, "User unknown" + String.format(table, "local")));
                }
            }
            case ALIAS -> {
                // trivial-rewrite sends unlisted addresses of virtual alias domains to the error mailer
                if (!VirtualAliases.listed(state, resolved.recipient(), address)) {
                    return Rejects.reject(state, ErrorClass.BOUNCE, settings.code("unknown_virtual_alias_reject_code", 550),
                            dsn, Generic.rejected(address, replyClass, "User unknown in virtual alias table"));
                }
            }
            case RELAY -> {
                List<String> specs = settings.list("relay_recipient_maps", "");
                if (!specs.isEmpty() && !listed(state, specs, resolved.recipient(), address)) {
                    return Rejects.reject(state, ErrorClass.BOUNCE, settings.code("unknown_relay_recipient_reject_code", 550),
                            dsn, Generic.rejected(address, replyClass, "User unknown" + String.format(table, "relay")));
                }
            }
            default -> {
            }
        }
        return Status.DUNNO;
    }

    /** MATCH_LEFT: the address is {@code name@...}, without case. */
    private static boolean matchLeft(String name, String address) {
        return address.regionMatches(true, 0, name, 0, name.length()) && address.length() > name.length()
                && address.charAt(name.length()) == '@';
    }

    private static boolean userExists(CheckState state, ResolvedAddress resolved, String address) {
        if (isAlias(state, resolved, address)) {
            return true; // local_recipient_maps includes $alias_maps in Postfix
        }
        UserDirectory users = state.lookups().users();
        if (users == null) {
            SmtpdLog.warn("no user directory service: cannot verify local recipient {}", address);
            throw Rejects.dictRetry(state, address);
        }
        String name = UserNames.of(resolved.localPart(), state.settings().recipientDelimiter());
        boolean found;
        try {
            found = users.lookup(name).isPresent();
        } catch (DirectoryException | RuntimeException e) {
            SmtpdLog.warn("user directory lookup of {} failed: {}", name, e.toString());
            throw Rejects.dictRetry(state, address);
        }
        if (!found && state.lookups().resolvers().isEmpty() && !state.settings().list("alias_maps", "").isEmpty()) {
            // $alias_maps is part of local_recipient_maps but nothing serves it now (the aliases
            // bundle stopped or being updated): the name may be an alias, so as smtpd with an
            // unavailable table, ask the client to try again instead of refusing for good.
            SmtpdLog.warn("alias_maps lookup of {} failed: no alias service", address);
            throw Rejects.dictRetry(state, address);
        }
        return found;
    }

    /** An aliases(5) name, with its full local part or without its extension, as local(8) looks it up. */
    private static boolean isAlias(CheckState state, ResolvedAddress resolved, String address) {
        List<AddressResolver> resolvers = state.lookups().resolvers();
        if (resolvers.isEmpty()) {
            return false;
        }
        MailAddress full;
        try {
            full = MailAddress.parse(resolved.recipient());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String base = UserNames.of(full.localPart(), state.settings().recipientDelimiter());
        try {
            for (AddressResolver r : resolvers) {
                if (r.resolve(full).isPresent()
                        || !base.equalsIgnoreCase(full.localPart()) && r.resolve(MailAddress.of(base, full.domain())).isPresent()) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            SmtpdLog.warn("alias lookup of {} failed: {}", full, e.toString());
            throw Rejects.dictRetry(state, address);
        }
        return false;
    }

    private static boolean listed(CheckState state, List<String> specs, String resolved, String address) {
        try {
            List<LookupTable> maps = AccessTables.tables(state.settings(), specs);
            return AccessTables.find(maps, AccessTables.addressKeys(resolved, state.settings())).isPresent();
        } catch (TableException e) {
            SmtpdLog.warn("relay_recipient_maps lookup failure: {}", e.getMessage());
            throw Rejects.dictRetry(state, address);
        }
    }
}
