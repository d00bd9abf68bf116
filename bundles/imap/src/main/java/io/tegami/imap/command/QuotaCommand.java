package io.tegami.imap.command;

import java.util.Optional;

import io.tegami.api.store.Quota;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * The QUOTA extension (RFC 9208) as Dovecot's imap_quota plugin answers it: one quota root per
 * user (the store's, named by the {@code quota} setting, {@code User quota} by default) with the
 * {@code STORAGE} (kibibytes, rounded up) and {@code MESSAGE} resources that have a limit.
 * {@code GETQUOTAROOT} of any mailbox names that root ({@code OK No quota.} without one),
 * {@code GETQUOTA} reports it, and {@code SETQUOTA} is refused: limits come from the
 * configuration, and no IMAP user is an admin.
 */
public final class QuotaCommand implements ImapCommand {

    private enum Kind { GETQUOTAROOT, GETQUOTA, SETQUOTA }

    private final Kind kind;

    private QuotaCommand(Kind kind) {
        this.kind = kind;
    }

    /** {@code GETQUOTAROOT mailbox}. */
    public static QuotaCommand getQuotaRoot() {
        return new QuotaCommand(Kind.GETQUOTAROOT);
    }

    /** {@code GETQUOTA root}. */
    public static QuotaCommand getQuota() {
        return new QuotaCommand(Kind.GETQUOTA);
    }

    /** {@code SETQUOTA root (resource limit ...)}. */
    public static QuotaCommand setQuota() {
        return new QuotaCommand(Kind.SETQUOTA);
    }

    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        CommandReader r = request.args();
        r.sp();
        return switch (kind) {
            case GETQUOTAROOT -> getQuotaRoot(session, r);
            case GETQUOTA -> getQuota(session, r);
            case SETQUOTA -> setQuota(r);
        };
    }

    private static Result getQuotaRoot(ImapSession session, CommandReader r) throws ParseException, CommandException {
        String wire = r.astring();
        r.end();
        WireNames.decode(wire); // a name that is not modified UTF-7 is refused, as everywhere
        Optional<Quota> quota;
        try {
            quota = session.mailboxes().quota();
        } catch (StoreException e) {
            return StoreErrors.of(e, wire);
        }
        if (quota.isEmpty() || !quota.get().limited()) {
            return Result.ok("No quota.");
        }
        Quota q = quota.get();
        session.out().untagged("QUOTAROOT " + ImapStrings.astring(wire) + " " + ImapStrings.astring(q.root()));
        session.out().untagged(reply(q));
        return Result.ok("Getquotaroot completed.");
    }

    private static Result getQuota(ImapSession session, CommandReader r) throws ParseException {
        String root = r.astring();
        r.end();
        Optional<Quota> quota;
        try {
            quota = session.mailboxes().quota();
        } catch (StoreException e) {
            return StoreErrors.of(e, null);
        }
        if (quota.isEmpty() || !quota.get().root().equals(root)) {
            return Result.no("Quota root doesn't exist.");
        }
        session.out().untagged(reply(quota.get()));
        return Result.ok("Getquota completed.");
    }

    /** Parses the arguments (a malformed command is BAD), then refuses: only an admin may. */
    private static Result setQuota(CommandReader r) throws ParseException {
        r.astring();
        r.sp();
        r.expect('(');
        if (!r.consume(')')) {
            while (true) {
                r.atom();
                r.sp();
                r.number(Long.MAX_VALUE, "Invalid arguments.");
                if (r.consume(')')) {
                    break;
                }
                r.sp();
            }
        }
        r.end();
        return Result.no("Quota can be changed only by admin.");
    }

    /** {@code QUOTA "User quota" (STORAGE 3 100 MESSAGE 2 50)}: the limited resources only. */
    static String reply(Quota q) {
        StringBuilder s = new StringBuilder("QUOTA ").append(ImapStrings.astring(q.root())).append(" (");
        if (q.storageLimit() > 0) {
            s.append("STORAGE ").append(q.storageUsedKib()).append(' ').append(q.storageLimitKib());
        }
        if (q.messagesLimit() > 0) {
            if (q.storageLimit() > 0) {
                s.append(' ');
            }
            s.append("MESSAGE ").append(q.messagesUsed()).append(' ').append(q.messagesLimit());
        }
        return s.append(')').toString();
    }
}
