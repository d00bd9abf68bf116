package io.tegami.store.maildir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;

/**
 * A flag change that changes nothing (every message has the flags already, or is refused by
 * UNCHANGEDSINCE), answered without the {@code dovecot-uidlist} dot-lock, the uidlist and the
 * modseq log: a client that marks \Seen what is seen already, as Dovecot, writes nothing. It
 * also leaves the folder index trusted: a change that was none used to make the next sync
 * rescan {@code cur/}. The folder lock is held and the folder synced.
 */
final class UnchangedFlags {

    private UnchangedFlags() {
    }

    /**
     * The answer to the flag change, or null if some message's flags would change (or a keyword
     * would have to be defined first): then the change takes the full path.
     */
    static FlagUpdate answer(MaildirMailbox box, FolderState st, Collection<Long> uids, FlagMode mode,
            Set<String> wanted, long unchangedSince) throws IOException {
        KeywordTable table = st.keywords.read();
        if (mode != FlagMode.REMOVE) {
            for (String k : MaildirFlags.keywords(wanted)) {
                if (table.letter(k) == 0) {
                    return null;
                }
            }
        }
        String wantedLetters = MaildirFlags.encode(wanted, table, "");
        List<Entry> same = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        for (long uid : new TreeSet<>(uids)) {
            Entry e = st.entry(uid);
            if (e == null) {
                continue;
            }
            if (e.modSeq() > unchangedSince) {
                refused.add(uid);
                continue;
            }
            String now = e.letters();
            String letters = switch (mode) {
                case REPLACE -> MaildirFlags.encode(wanted, table, now);
                case ADD -> FolderWriter.union(now, wantedLetters);
                case REMOVE -> FolderWriter.minus(now, wantedLetters);
            };
            if (!letters.equals(now)) {
                return null;
            }
            same.add(e);
        }
        return new FlagUpdate(same.stream().map(e -> box.info(e, table)).toList(), refused);
    }
}
