package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings {@code dovecot-uidlist} in line with the files in new/ and cur/: files another program
 * delivered (Dovecot's LDA, procmail, a copy by hand) get the next UIDs in delivery order, records
 * whose file is gone are dropped. When nothing changed no lock is taken; otherwise the work is
 * redone under the uidlist lock, so that two writers (two sessions, or Dovecot and Tegami) never
 * give one file two UIDs or one UID to two files.
 */
final class MaildirSync {

    /** A message: its UID and where its file was found. */
    record Message(long uid, MaildirScanner.Found file) {
    }

    /** The uidlist as written and the messages present, in UID order. */
    record State(UidList list, List<Message> messages) {
    }

    private record Plan(State state, boolean changed) {
    }

    private final Path maildir;
    private final UidListFile uidlist;

    MaildirSync(Path maildir, UidListFile uidlist) {
        this.maildir = maildir;
        this.uidlist = uidlist;
    }

    /** Scans the mailbox and updates the uidlist if files came or went. */
    State sync() throws IOException {
        Optional<UidList> current = uidlist.read();
        if (current.isPresent()) {
            Plan plan = plan(current, MaildirScanner.scan(maildir));
            if (!plan.changed()) {
                return plan.state();
            }
        }
        try (DotLock lock = uidlist.lock()) {
            // Read and scan again: another writer may have done this work while we waited.
            Plan plan = plan(uidlist.read(), MaildirScanner.scan(maildir));
            if (plan.changed()) {
                uidlist.write(plan.state().list());
            }
            return plan.state();
        }
    }

    /** The uidlist, created (with a new UIDVALIDITY) if the mailbox has none yet. */
    UidList list() throws IOException {
        Optional<UidList> list = uidlist.read();
        return list.isPresent() ? list.get() : sync().list();
    }

    private static Plan plan(Optional<UidList> current, MaildirScanner.Scan scan) {
        UidList list = current.map(UidList::upgraded).orElseGet(() -> UidList.create(UidValidity.next()));
        boolean changed = current.isEmpty() || current.get() != list;
        Map<String, MaildirScanner.Found> unlisted = new HashMap<>(scan.files());
        List<UidList.Record> kept = new ArrayList<>(list.records().size() + unlisted.size());
        List<Message> messages = new ArrayList<>(list.records().size() + unlisted.size());
        for (UidList.Record r : list.records()) {
            MaildirScanner.Found f = unlisted.remove(r.base());
            if (f != null) {
                kept.add(r);
                messages.add(new Message(r.uid(), f));
            } else if (scan.stable()) {
                changed = true; // expunged by someone: forget it
            } else {
                kept.add(r); // maybe only renamed under our feet: keep the UID, decide next time
            }
        }
        long next = list.nextUid();
        if (!unlisted.isEmpty()) {
            changed = true;
            List<MaildirScanner.Found> fresh = new ArrayList<>(unlisted.values());
            MaildirFilename.sortByDeliveryOrder(fresh, MaildirScanner.Found::fileName);
            for (MaildirScanner.Found f : fresh) {
                kept.add(new UidList.Record(next, "", f.base()));
                messages.add(new Message(next, f));
                next++;
            }
        }
        return new Plan(new State(changed ? list.withRecords(kept, next) : list, messages), changed);
    }
}
