package io.tegami.imap.command;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ImapDates;
import io.tegami.imap.protocol.Literal;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * APPEND (RFC 3501 6.3.11) with UIDPLUS's APPENDUID (RFC 4315). The message literal may be as
 * large as the APPENDLIMIT ({@code message_size_limit}); a larger one is refused with
 * {@code [TOOBIG]} before the client sends it. Large messages arrive in a temporary file and are
 * streamed into the store, which makes them durable before the OK.
 */
public final class AppendCommand implements ImapCommand {

    @Override
    public String name() {
        return "APPEND";
    }

    @Override
    public long literalLimit(ImapSession session) {
        if (session == null) {
            return Long.MAX_VALUE;
        }
        long limit = session.settings().appendLimit();
        return limit == 0 ? Long.MAX_VALUE : limit;
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException {
        var r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        r.sp();
        String name = WireNames.read(r, mailboxes.delimiter());
        r.sp();
        Set<String> flags = Set.of();
        if (r.peek() == '(') {
            List<String> given = r.flagList();
            flags = FlagArguments.storable(given);
            r.sp();
        }
        Instant date = null;
        if (r.peek() == '"') {
            date = ImapDates.parseDateTime(r.string());
            r.sp();
        }
        if (r.peek() == '~') {
            throw new ParseException("Binary literals are not supported.");
        }
        Literal message = r.literal();
        r.end();
        if (message.size() == 0) {
            return Result.no("Can't save a zero byte message.");
        }
        long limit = literalLimit(session);
        if (message.size() > limit) {
            return Result.no("[TOOBIG] Mail size is too large.");
        }
        try (Mailbox target = mailboxes.open(name, false); InputStream content = message.open()) {
            long uid = target.append(content, flags, date == null ? session.services().clock().instant() : date);
            return Result.ok("[APPENDUID " + target.uidValidity() + " " + uid + "] Append completed.");
        } catch (StoreException e) {
            return StoreErrors.target(e, name);
        } catch (IOException e) {
            return Result.no("[UNAVAILABLE] Internal error occurred. Refer to server log for more information.");
        }
    }
}
