package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.Test;

/** Two deliveries, an IMAP expunge and a POP3-style reader at once never corrupt a folder or lose mail. */
public interface ConcurrencyContract extends StoreFixture {

    @Test
    default void concurrentAppendsExpungeAndReaders() throws Exception {
        User alice = user("alice");
        alice().close();
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> expunged = Collections.synchronizedList(new ArrayList<>());
        try {
            Callable<List<Long>> writer = () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    try (MailboxSession s = store().open(alice); Mailbox box = s.open("INBOX")) {
                        String subject = Thread.currentThread().getName() + "-" + i;
                        boolean doomed = i % 3 == 0;
                        mine.add(Msgs.append(box, Msgs.message(subject, "marker " + subject),
                                doomed ? new String[] {Flags.DELETED} : new String[0]));
                    }
                }
                return mine;
            };
            Future<List<Long>> w1 = pool.submit(writer);
            Future<List<Long>> w2 = pool.submit(writer);
            Future<?> imap = pool.submit(() -> {
                try (MailboxSession s = store().open(alice); Mailbox box = s.open("INBOX")) {
                    while (writing.get()) {
                        expunged.addAll(box.expunge());
                        Thread.sleep(3);
                    }
                    expunged.addAll(box.expunge());
                }
                return null;
            });
            Future<?> pop3 = pool.submit(() -> {
                while (writing.get()) {
                    try (MailboxSession s = store().open(alice); Mailbox box = s.open("INBOX")) {
                        for (MessageInfo m : box.messages()) {
                            try {
                                String text = Msgs.text(box, m.uid());
                                assertTrue(text.contains("marker "), "intact message " + m.uid());
                            } catch (StoreException e) {
                                assertEquals(StoreException.Reason.NOT_FOUND, e.reason(), e.toString());
                            }
                        }
                    }
                }
                return null;
            });
            List<Long> all = new ArrayList<>(w1.get(120, TimeUnit.SECONDS));
            all.addAll(w2.get(120, TimeUnit.SECONDS));
            writing.set(false);
            imap.get(60, TimeUnit.SECONDS);
            pop3.get(60, TimeUnit.SECONDS);

            assertEquals(2 * perWriter, new HashSet<>(all).size(), "every append got its own UID");
            try (MailboxSession s = store().open(alice); Mailbox box = s.open("INBOX")) {
                List<MessageInfo> left = box.messages();
                List<Long> leftUids = Msgs.uids(left);
                for (int i = 1; i < leftUids.size(); i++) {
                    assertTrue(leftUids.get(i - 1) < leftUids.get(i), "strictly ascending UIDs " + leftUids);
                }
                Set<Long> expected = new HashSet<>(all);
                expected.removeAll(expunged);
                assertEquals(expected, new HashSet<>(leftUids), "nothing lost, nothing expunged twice or resurrected");
                for (MessageInfo m : left) {
                    assertTrue(!m.flags().contains(Flags.DELETED), "every \\Deleted message was expunged");
                    assertTrue(Msgs.text(box, m.uid()).contains("marker "));
                }
                assertEquals(2 * perWriter - (2 * ((perWriter + 2) / 3)), left.size());
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    default void concurrentCreateOfOneFolder() throws Exception {
        User alice = user("alice");
        alice().close();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    try (MailboxSession s = store().open(alice)) {
                        s.create("Race");
                        return true;
                    } catch (StoreException e) {
                        assertEquals(StoreException.Reason.ALREADY_EXISTS, e.reason(), e.toString());
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won, "exactly one CREATE wins");
        } finally {
            pool.shutdownNow();
        }
    }
}
