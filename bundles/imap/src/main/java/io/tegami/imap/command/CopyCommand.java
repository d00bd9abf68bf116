package io.tegami.imap.command;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.CopyResult;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.SelectedMailbox;

/**
 * COPY and MOVE (RFC 3501 6.4.7, RFC 6851), with their UID forms and UIDPLUS's COPYUID
 * (RFC 4315). MOVE reports COPYUID in an untagged OK before the EXPUNGE responses, as RFC 6851
 * section 4.3 shows.
 */
public final class CopyCommand implements ImapCommand {

    private final boolean move;
    private final boolean byUid;

    private CopyCommand(boolean move, boolean byUid) {
        this.move = move;
        this.byUid = byUid;
    }

    public static CopyCommand copy(boolean byUid) {
        return new CopyCommand(false, byUid);
    }

    public static CopyCommand move(boolean byUid) {
        return new CopyCommand(true, byUid);
    }

    @Override
    public String name() {
        return (byUid ? "UID " : "") + (move ? "MOVE" : "COPY");
    }

    @Override
    public boolean holdsExpunges() {
        return true;
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException, StoreException {
        var r = request.args();
        SelectedMailbox selected = session.selected();
        MailboxSession mailboxes = session.mailboxes();
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        String target = WireNames.read(r, mailboxes.delimiter());
        r.end();
        List<Long> uids = selected.resolve(set, byUid);
        if (move && selected.readOnly()) {
            return Result.no("[CANNOT] Mailbox is read-only.");
        }
        CopyResult result;
        try (Mailbox to = mailboxes.open(target, false)) {
            if (uids.isEmpty()) {
                return Result.ok("No messages found.");
            }
            result = move ? selected.mailbox().move(uids, to) : selected.mailbox().copy(uids, to);
        } catch (StoreException e) {
            return StoreErrors.target(e, target);
        }
        if (MailboxAttributes.TRASH.equals(MailboxAttributes.specialUse(target, mailboxes.delimiter(),
                MailboxAttributes.parseSpecialUse(session.settings().specialUse())))) {
            session.stats().trashed(result.uids().size());
        }
        String copyUid = result.uids().isEmpty() ? ""
                : "[COPYUID " + result.uidValidity() + " " + SequenceSet.format(new ArrayList<>(result.uids().keySet())) + " "
                        + SequenceSet.format(new ArrayList<>(result.uids().values())) + "] ";
        if (!move) {
            return Result.ok(copyUid + "Copy completed.");
        }
        if (!copyUid.isEmpty()) {
            session.out().untagged("OK " + copyUid + "Moved UIDs.");
        }
        session.stats().expunged(result.uids().size());
        selected.expunged(new ArrayList<>(result.uids().keySet()), session.out(), session.syncOptions(true, byUid));
        return Result.ok("Move completed.");
    }
}
