package io.tegami.imap.command;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.imap.fetch.CachedValues;
import io.tegami.imap.fetch.FetchItem;
import io.tegami.imap.fetch.FetchParser;
import io.tegami.imap.fetch.FetchRequest;
import io.tegami.imap.fetch.FetchResponder;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.ImapSession.Extension;
import io.tegami.imap.session.SelectedMailbox;

/**
 * FETCH and UID FETCH (RFC 3501 6.4.5, 6.4.8) with RFC 7162's MODSEQ item and CHANGEDSINCE
 * modifier. Fetching a body section without PEEK sets {@code \Seen} (once, for all messages,
 * before the responses) and the new FLAGS are included. A message another session expunged
 * meanwhile is left out and the command ends {@code NO [EXPUNGEISSUED]} (RFC 2180 4.1.2, RFC 5530).
 */
public final class FetchCommand implements ImapCommand {

    private final boolean byUid;

    private FetchCommand(boolean byUid) {
        this.byUid = byUid;
    }

    public static FetchCommand fetch() {
        return new FetchCommand(false);
    }

    public static FetchCommand uidFetch() {
        return new FetchCommand(true);
    }

    @Override
    public String name() {
        return byUid ? "UID FETCH" : "FETCH";
    }

    @Override
    public boolean holdsExpunges() {
        return true;
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, StoreException {
        var r = request.args();
        SelectedMailbox selected = session.selected();
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        FetchRequest fetch = FetchParser.parse(r);
        r.end();
        if (fetch.vanished() && (!byUid || fetch.changedSince() < 0 || !session.isEnabled(Extension.QRESYNC))) {
            throw new ParseException("VANISHED needs QRESYNC, UID FETCH and CHANGEDSINCE.");
        }
        List<Long> uids = selected.resolve(set, byUid);
        List<FetchItem> items = new ArrayList<>(fetch.items());
        if (byUid || session.isEnabled(Extension.QRESYNC)) {
            items.remove(new FetchItem.Simple(FetchItem.Attribute.UID));
            items.add(0, new FetchItem.Simple(FetchItem.Attribute.UID));
        }
        if (fetch.changedSince() >= 0 || fetch.has(FetchItem.Attribute.MODSEQ)
                || (fetch.setsSeen() && session.isEnabled(Extension.CONDSTORE))) {
            session.enable(Extension.CONDSTORE);
            if (!items.contains(new FetchItem.Simple(FetchItem.Attribute.MODSEQ))) {
                items.add(new FetchItem.Simple(FetchItem.Attribute.MODSEQ));
            }
        }
        if (fetch.vanished() && fetch.changedSince() < selected.mailbox().highestModSeq()) {
            // RFC 7162 3.2.6: the UIDs of the set that are gone, before the FETCH responses (none
            // at all when nothing changed since the client's mod-sequence). "*" reaches UIDNEXT-1,
            // as in Dovecot, so that expunges above the last message are reported too.
            List<SequenceSet.Range> gone = selected.missing(set.resolve(Math.max(1, selected.uidNext() - 1)));
            if (!gone.isEmpty()) {
                session.out().untagged("VANISHED (EARLIER) " + SequenceSet.formatRanges(gone));
            }
        }
        Set<Long> seen = markSeen(session, selected, uids, fetch);
        FetchResponder responder = new FetchResponder(selected.mailbox(), session.services().fetchData(),
                ZoneId.systemDefault(), session.stats(), new CachedValues(selected.mailbox(), uids));
        boolean gone = false;
        boolean needsContent = fetch.needsContent();
        for (int i = 0; i < uids.size(); i++) {
            long uid = uids.get(i);
            MessageInfo info = selected.info(uid);
            if (fetch.changedSince() >= 0 && info.modSeq() <= fetch.changedSince()) {
                continue;
            }
            if (needsContent && selected.expungePending(uid)) {
                gone = true;
                continue;
            }
            if (!responder.write(session.out(), selected.seqOf(uid), info, items, seen.contains(uid), i)) {
                gone = true;
            }
        }
        return gone ? Result.no("[EXPUNGEISSUED] Some of the requested messages no longer exist.")
                : Result.ok("Fetch completed.");
    }

    /** Sets \Seen on the messages whose bodies are fetched without PEEK; returns their UIDs. */
    private static Set<Long> markSeen(ImapSession session, SelectedMailbox selected, List<Long> uids, FetchRequest fetch)
            throws StoreException {
        Set<Long> changed = new HashSet<>();
        if (!fetch.setsSeen() || selected.readOnly()) {
            return changed;
        }
        List<Long> unseen = new ArrayList<>();
        for (long uid : uids) {
            MessageInfo info = selected.info(uid);
            if (!info.flags().contains(Flags.SEEN) && !selected.expungePending(uid)
                    && (fetch.changedSince() < 0 || info.modSeq() > fetch.changedSince())) {
                unseen.add(uid);
            }
        }
        if (unseen.isEmpty()) {
            return changed;
        }
        List<MessageInfo> updated = selected.mailbox().addFlags(unseen, Set.of(Flags.SEEN));
        selected.applyOwnFlags(updated);
        for (MessageInfo m : updated) {
            changed.add(m.uid());
        }
        return changed;
    }
}
