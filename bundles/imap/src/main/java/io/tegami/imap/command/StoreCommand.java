package io.tegami.imap.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.ImapSession.Extension;
import io.tegami.imap.session.SelectedMailbox;

/**
 * STORE and UID STORE (RFC 3501 6.4.6): {@code FLAGS}, {@code +FLAGS}, {@code -FLAGS}, each with
 * {@code .SILENT}, and RFC 7162's {@code (UNCHANGEDSINCE n)} with the {@code [MODIFIED ...]}
 * answer. The new flags come back as untagged FETCH responses (with UID for UID STORE, MODSEQ
 * when CONDSTORE is on); .SILENT leaves them out, but CONDSTORE still reports the new MODSEQ.
 */
public final class StoreCommand implements ImapCommand {

    private final boolean byUid;

    private StoreCommand(boolean byUid) {
        this.byUid = byUid;
    }

    public static StoreCommand store() {
        return new StoreCommand(false);
    }

    public static StoreCommand uidStore() {
        return new StoreCommand(true);
    }

    @Override
    public String name() {
        return byUid ? "UID STORE" : "STORE";
    }

    @Override
    public boolean holdsExpunges() {
        return true;
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, StoreException {
        CommandReader r = request.args();
        SelectedMailbox selected = session.selected();
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        long unchangedSince = Mailbox.UNCONDITIONALLY;
        if (r.consume('(')) {
            if (!r.consumeWord("UNCHANGEDSINCE")) {
                throw new ParseException("Unknown STORE modifier.");
            }
            r.sp();
            unchangedSince = r.modSequence();
            r.expect(')');
            r.sp();
            session.enable(Extension.CONDSTORE);
        }
        String item = r.keyword();
        FlagMode mode = switch (item) {
            case "FLAGS", "FLAGS.SILENT" -> FlagMode.REPLACE;
            case "+FLAGS", "+FLAGS.SILENT" -> FlagMode.ADD;
            case "-FLAGS", "-FLAGS.SILENT" -> FlagMode.REMOVE;
            default -> throw new ParseException("Invalid STORE data item " + item + ".");
        };
        boolean silent = item.endsWith(".SILENT");
        r.sp();
        List<String> given;
        if (r.peek() == '(') {
            given = r.flagList();
        } else {
            given = new ArrayList<>();
            while (true) {
                given.add(r.flag());
                if (r.atEnd()) {
                    break;
                }
                r.sp();
            }
        }
        r.end();
        Set<String> flags = FlagArguments.storable(given);
        List<Long> uids = selected.resolve(set, byUid);
        if (selected.readOnly()) {
            return Result.no("[CANNOT] Mailbox is read-only.");
        }
        if (uids.isEmpty()) {
            return Result.ok("Store completed.");
        }
        Map<Long, MessageInfo> before = new HashMap<>();
        for (long uid : uids) {
            before.put(uid, selected.info(uid));
        }
        FlagUpdate update = selected.mailbox().updateFlags(uids, mode, flags, unchangedSince);
        List<String> knownKeywords = selected.keywords();
        selected.applyOwnFlags(update.updated());
        if (!selected.keywords().equals(knownKeywords)) {
            selected.writeFlags(session.out());
        }
        boolean condstore = session.isEnabled(Extension.CONDSTORE);
        boolean withUid = byUid || session.isEnabled(Extension.QRESYNC);
        long deleted = 0;
        for (MessageInfo m : update.updated()) {
            MessageInfo old = before.get(m.uid());
            boolean changed = old == null || !old.flags().equals(m.flags());
            if (changed && m.flags().contains(Flags.DELETED) && (old == null || !old.flags().contains(Flags.DELETED))) {
                deleted++;
            }
            if (!silent) {
                session.out().untagged(selected.fetchFlags(m.uid(), withUid, condstore));
            } else if (condstore && changed) {
                session.out().untagged(selected.seqOf(m.uid()) + " FETCH (" + (withUid ? "UID " + m.uid() + " " : "")
                        + "MODSEQ (" + m.modSeq() + "))");
            }
        }
        session.stats().deleted(deleted);
        if (!update.refused().isEmpty()) {
            List<Long> numbers = new ArrayList<>();
            for (long uid : update.refused()) {
                numbers.add(byUid ? uid : (long) selected.seqOf(uid));
            }
            numbers.sort(null);
            return Result.ok("[MODIFIED " + SequenceSet.format(numbers) + "] Conditional store failed.");
        }
        return Result.ok("Store completed.");
    }
}
