package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.Test;

/**
 * {@link Mailbox#deliver}: what a delivery agent adds is there, intact and new, for the next
 * reader, whether or not the store numbered it at once; parallel deliveries and appends never
 * lose a message or give two messages one UID.
 */
public interface DeliveryContract extends StoreFixture {

    @Test
    default void deliveredMessagesAreNewIntactAndInDeliveryOrder() throws Exception {
        MailboxSession lda = alice();
        Instant date = Msgs.date("2024-03-01T10:15:30Z");
        List<String> sent = List.of(Msgs.message("first", "one"), Msgs.message("second", "two\r\nwith CRLF"),
                Msgs.message("third", "three"));
        try (Mailbox inbox = lda.open("INBOX")) {
            for (String m : sent) {
                inbox.deliver(Msgs.stream(m), Set.of(), date);
            }
        }
        try (Mailbox box = session(lda.user()).open("INBOX")) {
            List<MessageInfo> list = box.messages();
            assertEquals(3, list.size(), list.toString());
            for (int i = 0; i < sent.size(); i++) {
                MessageInfo m = list.get(i);
                assertArrayEquals(Msgs.crlf(sent.get(i)), Msgs.read(box, m.uid()), "message " + i);
                assertEquals(Msgs.crlf(sent.get(i)).length, m.rfc822Size());
                assertEquals(date, m.internalDate());
                assertEquals(Set.of(), m.flags());
                assertTrue(m.recent(), "a delivered message is \\Recent for the first reader");
                assertTrue(m.modSeq() >= 1);
            }
            assertEquals(3, new HashSet<>(Msgs.uids(list)).size());
            assertTrue(box.uidNext() > list.get(2).uid());
            assertTrue(list.get(0).uid() < list.get(1).uid() && list.get(1).uid() < list.get(2).uid(), "delivery order");
        }
    }

    @Test
    default void deliveryKeepsSystemFlagsAndWorksInAnyFolder() throws Exception {
        MailboxSession lda = alice();
        lda.create("Lists");
        try (Mailbox lists = lda.open("Lists")) {
            lists.deliver(Msgs.stream(Msgs.message("flagged", "x")), Set.of(Flags.SEEN, Flags.FLAGGED), null);
        }
        try (Mailbox box = session(lda.user()).open("Lists")) {
            List<MessageInfo> list = box.messages();
            assertEquals(1, list.size());
            assertEquals(Set.of(Flags.SEEN, Flags.FLAGGED), list.get(0).flags());
        }
    }

    @Test
    default void deliveryIntoAReadOnlyHandleIsRefused() throws Exception {
        try (Mailbox box = alice().open("INBOX", true)) {
            StoreException e = assertThrows(StoreException.class,
                    () -> box.deliver(Msgs.stream(Msgs.message("no", "no")), Set.of(), null));
            assertEquals(StoreException.Reason.NOT_ALLOWED, e.reason());
        }
    }

    @Test
    default void aListeningSessionHearsOfADeliveryAtTheLatestOnRefresh() throws Exception {
        MailboxSession imap = alice();
        try (Mailbox watched = imap.open("INBOX")) {
            RecordingListener events = new RecordingListener();
            watched.addListener(events);
            assertEquals(List.of(), watched.messages());
            try (MailboxSession lda = session(imap.user()); Mailbox target = lda.open("INBOX")) {
                target.deliver(Msgs.stream(Msgs.message("news", "news")), Set.of(), null);
            }
            watched.refresh();
            assertTrue(events.await(() -> events.addedUids().size() == 1), "EXISTS for the delivery: " + events.added());
            assertTrue(events.added().get(0).recent(), "the listening read-write session gets \\Recent");
            assertEquals(events.addedUids(), Msgs.uids(watched));
        }
    }

    @Test
    default void parallelDeliveriesAndAppendsKeepEveryMessageWithItsOwnUid() throws Exception {
        User alice = user("alice");
        alice().close();
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, Boolean> subjects = new ConcurrentHashMap<>();
        List<Long> appended = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                jobs.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String subject = "delivered-" + thread + "-" + i;
                        try (MailboxSession s = store().open(alice); Mailbox box = s.open("INBOX")) {
                            box.deliver(Msgs.stream(Msgs.message(subject, "marker " + subject)), Set.of(), null);
                        }
                        subjects.put(subject, true);
                    }
                    return null;
                });
            }
            jobs.add(() -> {
                try (MailboxSession s = store().open(alice); Mailbox box = s.open("INBOX")) {
                    for (int i = 0; i < perThread; i++) {
                        String subject = "appended-" + i;
                        appended.add(box.append(Msgs.stream(Msgs.message(subject, "marker " + subject)), Set.of(), null));
                        subjects.put(subject, true);
                        box.messages(); // a reader numbering deliveries meanwhile
                    }
                }
                return null;
            });
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Mailbox box = session(alice).open("INBOX")) {
            List<MessageInfo> list = box.messages();
            assertEquals(4 * perThread, list.size());
            assertEquals(list.size(), new HashSet<>(Msgs.uids(list)).size(), "one UID per message");
            assertTrue(Msgs.uids(list).containsAll(appended), "appended UIDs stay theirs");
            Set<String> found = new HashSet<>();
            for (MessageInfo m : list) {
                String text = Msgs.text(box, m.uid());
                String subject = text.substring(text.indexOf("marker ") + 7).trim();
                found.add(subject);
            }
            assertEquals(subjects.keySet(), found);
        }
    }
}
