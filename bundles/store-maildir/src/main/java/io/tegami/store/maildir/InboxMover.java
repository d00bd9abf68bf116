package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * IMAP's RENAME of INBOX: every message moves into a new mailbox and INBOX stays, empty. Files
 * are renamed one by one (same file system); the new mailbox keeps their UIDs and INBOX keeps its
 * UIDVALIDITY and next UID, so no UID is ever reused in either. Both uidlists are locked while
 * this runs, which keeps Dovecot and other sessions from numbering files in mid-move.
 */
final class InboxMover {

    private final MaildirLayout layout;
    private final MaildirFolders folders;

    InboxMover(MaildirLayout layout, MaildirFolders folders) {
        this.layout = layout;
        this.folders = folders;
    }

    void moveTo(String to) throws StoreException, IOException {
        folders.create(to); // fails with ALREADY_EXISTS when it exists
        Path src = layout.inbox();
        Path dst = layout.mailboxDir(to);
        UidListFile srcList = new UidListFile(layout.controlDir(MailboxSession.INBOX));
        UidListFile dstList = new UidListFile(layout.controlDir(to));
        try (DotLock inboxLock = srcList.lock(); DotLock targetLock = dstList.lock()) {
            // Keyword letters must mean the same in the new mailbox.
            KeywordTable keywords = new KeywordsFile(layout.controlDir(MailboxSession.INBOX)).read();
            if (!keywords.equals(KeywordTable.EMPTY)) {
                new KeywordsFile(layout.controlDir(to)).write(keywords);
            }
            UidList inbox = srcList.read().map(UidList::upgraded).orElseGet(() -> UidList.create(UidValidity.next()));
            Map<String, UidList.Record> byBase = new HashMap<>();
            for (UidList.Record r : inbox.records()) {
                byBase.put(r.base(), r);
            }
            List<UidList.Record> moved = new ArrayList<>();
            Set<String> movedBases = new HashSet<>();
            for (MaildirScanner.Found f : MaildirScanner.scan(src).files().values()) {
                try {
                    Files.move(f.path(src), f.path(dst), StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException e) {
                    continue; // expunged or renamed meanwhile by another client: it stays in INBOX
                }
                movedBases.add(f.base());
                UidList.Record r = byBase.get(f.base());
                if (r != null) {
                    moved.add(r);
                } // a file INBOX had not numbered yet is numbered by the new mailbox's next sync
            }
            for (String sub : new String[] {"new", "cur"}) {
                FsSupport.fsyncDirectory(dst.resolve(sub));
                FsSupport.fsyncDirectory(src.resolve(sub));
            }
            moved.sort(Comparator.comparingLong(UidList.Record::uid));
            dstList.write(UidList.create(UidValidity.next()).withRecords(moved, inbox.nextUid()));
            List<UidList.Record> remaining = new ArrayList<>();
            for (UidList.Record r : inbox.records()) {
                if (!movedBases.contains(r.base())) {
                    remaining.add(r);
                }
            }
            srcList.write(inbox.withRecords(remaining, inbox.nextUid()));
        }
    }
}
