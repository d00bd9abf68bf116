package io.tegami.api.store.contract;

import static io.tegami.api.store.contract.Expect.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MailboxStatus;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import org.junit.jupiter.api.Test;

/** Append, UIDs, sizes, dates, streaming, expunge. */
public interface MessageContract extends StoreFixture {

    @Test
    default void messageAppendAndReadBackAsCrlf() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            long next = box.uidNext();
            String msg = Msgs.message("hello", "line one\nline two\n\nFrom the start of a line\n>From quoted");
            long uid = Msgs.append(box, msg);
            assertTrue(uid >= next, "UID " + uid + " below UIDNEXT " + next);
            assertTrue(box.uidNext() > uid);
            MessageInfo info = Msgs.info(box, uid);
            byte[] wire = Msgs.crlf(msg);
            assertEquals(wire.length, info.rfc822Size(), "RFC822.SIZE is the CRLF size");
            assertTrue(info.size() > 0);
            assertArrayEquals(wire, Msgs.read(box, uid), "openMessage returns the message with CRLF");
        }
    }

    @Test
    default void messageHeaderStreamStartsWithTheHeader() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            String msg = Msgs.message("header", "body line\n\nmore");
            long uid = Msgs.append(box, msg);
            byte[] wire = Msgs.crlf(msg);
            String text = new String(wire, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n") + 4;
            for (int round = 0; round < 2; round++) { // a second read may come from a cache
                byte[] got;
                try (InputStream in = box.openHeader(uid)) {
                    got = in.readAllBytes();
                }
                assertTrue(got.length >= end, "the header and its empty line at least");
                assertArrayEquals(java.util.Arrays.copyOf(wire, end), java.util.Arrays.copyOf(got, end));
            }
            box.addFlags(List.of(uid), Set.of(Flags.SEEN));
            try (InputStream in = box.openHeader(uid)) {
                assertEquals(text.substring(0, end),
                        new String(in.readNBytes(end), StandardCharsets.ISO_8859_1), "after a flag change");
            }
            assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> box.openHeader(999_999)));
        }
    }

    @Test
    default void messageCachedValuesAreTheOnesOfferedOrNone() throws Exception {
        try (Mailbox box = alice().open("INBOX"); Mailbox other = alice().open("INBOX")) {
            long uid = Msgs.add(box, "cached");
            byte[] value = "(\"envelope\")".getBytes(StandardCharsets.US_ASCII);
            box.cacheValue(uid, "test.value", value);
            for (Mailbox b : List.of(box, other)) {
                byte[] got = b.cachedValue(uid, "test.value");
                assertTrue(got == null || java.util.Arrays.equals(value, got), "a store keeps the value or nothing");
                assertEquals(null, b.cachedValue(uid, "test.other"));
            }
            box.cacheValue(999_999, "test.value", value); // ignored
            box.addFlags(List.of(uid), Set.of(Flags.DELETED));
            box.expunge();
            try {
                assertEquals(null, box.cachedValue(uid, "test.value"), "nothing kept for an expunged message");
            } catch (StoreException e) {
                assertEquals(StoreException.Reason.NOT_FOUND, e.reason());
            }
        }
    }

    @Test
    default void messageCachedValuesInBatchMatchOneByOne() throws Exception {
        try (Mailbox box = alice().open("INBOX"); Mailbox other = alice().open("INBOX")) {
            long a = Msgs.add(box, "batch a");
            long b = Msgs.add(box, "batch b");
            long c = Msgs.add(box, "batch c");
            box.cacheValue(a, "test.batch", new byte[] {'a'});
            box.cacheValue(c, "test.batch", new byte[] {'c'});
            List<Long> asked = List.of(c, 999_999L, a, b);
            for (Mailbox m : List.of(box, other)) {
                List<byte[]> got = m.cachedValues(asked, "test.batch");
                assertEquals(asked.size(), got.size(), "one value per UID asked");
                for (int i = 0; i < asked.size(); i++) {
                    if (asked.get(i) == 999_999L) {
                        continue; // cachedValue may say NOT_FOUND
                    }
                    byte[] one = m.cachedValue(asked.get(i), "test.batch");
                    assertTrue(got.get(i) == null || java.util.Arrays.equals(one, got.get(i)),
                            "UID " + asked.get(i) + ": the batch gives what cachedValue gives, or nothing");
                }
                assertEquals(null, got.get(1), "no message, no value");
                assertEquals(null, got.get(3), "nothing offered, nothing kept");
            }
        }
    }

    @Test
    default void messageCrlfInputIsNotDoubled() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            String lf = Msgs.message("crlf", "a\nb");
            String crlf = new String(Msgs.crlf(lf), StandardCharsets.UTF_8);
            long uid = Msgs.append(box, crlf);
            assertArrayEquals(Msgs.crlf(lf), Msgs.read(box, uid));
            assertEquals(Msgs.crlf(lf).length, Msgs.info(box, uid).rfc822Size());
        }
    }

    @Test
    default void messageUidsAscendAndAreNeverReused() throws Exception {
        MailboxSession s = alice();
        long validity;
        long last;
        try (Mailbox box = s.open("INBOX")) {
            validity = box.uidValidity();
            assertTrue(validity > 0 && validity <= 0xFFFF_FFFFL, "UIDVALIDITY " + validity);
            long a = Msgs.add(box, "a");
            long b = Msgs.add(box, "b");
            long c = Msgs.add(box, "c");
            assertTrue(a < b && b < c);
            assertEquals(List.of(a, b, c), Msgs.uids(box), "messages() is in UID order");
            box.addFlags(List.of(c), Set.of(Flags.DELETED));
            assertEquals(List.of(c), box.expunge());
            last = Msgs.add(box, "d");
            assertTrue(last > c, "UID " + c + " reused as " + last);
        }
        try (Mailbox box = session(s.user()).open("INBOX")) {
            assertEquals(validity, box.uidValidity(), "UIDVALIDITY survives a new session");
            assertTrue(box.uidNext() > last);
            assertTrue(Msgs.add(box, "e") > last);
        }
    }

    @Test
    default void messageInternalDateKept() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            Instant date = Msgs.date("2020-01-02T03:04:05Z");
            long uid = box.append(Msgs.stream(Msgs.message("dated", "x")), Set.of(), date);
            assertEquals(date, Msgs.info(box, uid).internalDate());
            Instant before = Instant.now().minusSeconds(5);
            long now = box.append(Msgs.stream(Msgs.message("now", "x")), Set.of(), null);
            Instant got = Msgs.info(box, now).internalDate();
            assertTrue(got.isAfter(before) && got.isBefore(Instant.now().plusSeconds(5)), got.toString());
        }
    }

    @Test
    default void messageAppendWithFlags() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            long uid = Msgs.append(box, Msgs.message("flagged", "x"), Flags.SEEN, "\\flagged", "$Forwarded", Flags.RECENT);
            assertEquals(Set.of(Flags.SEEN, Flags.FLAGGED, "$Forwarded"), Msgs.info(box, uid).flags());
            assertTrue(box.keywords().contains("$Forwarded"));
            long plain = Msgs.add(box, "plain");
            assertEquals(Set.of(), Msgs.info(box, plain).flags());
        }
    }

    @Test
    default void messageStatusCounts() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            String m = Msgs.message("s", "x");
            Msgs.append(box, m, Flags.SEEN);
            Msgs.append(box, m);
            MailboxStatus st = box.status();
            assertEquals(2, st.messages());
            assertEquals(1, st.unseen());
            assertEquals(box.uidNext(), st.uidNext());
            assertEquals(box.uidValidity(), st.uidValidity());
            assertEquals(2L * Msgs.crlf(m).length, st.size());
        }
    }

    @Test
    default void messageExpungeOnlyDeleted() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            long a = Msgs.add(box, "a");
            long b = Msgs.add(box, "b");
            long c = Msgs.add(box, "c");
            long d = Msgs.add(box, "d");
            box.addFlags(List.of(a, c, d), Set.of(Flags.DELETED));
            assertEquals(List.of(c), box.expunge(List.of(b, c)), "UID EXPUNGE takes only \\Deleted of the set");
            assertEquals(List.of(a, b, d), Msgs.uids(box));
            assertEquals(List.of(a, d), box.expunge());
            assertEquals(List.of(b), Msgs.uids(box));
            assertEquals(List.of(), box.expunge());
            assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> box.openMessage(a)));
            assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> box.openMessage(999_999)));
        }
    }

    @Test
    default void messageLargeIsStreamed() throws Exception {
        long lines = 400_000; // about 32 MB: more than a store should ever hold in memory
        try (Mailbox box = alice().open("INBOX")) {
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            long uid = box.append(new GeneratedMessage(lines, sent), Set.of(), null);
            MessageInfo info = Msgs.info(box, uid);
            MessageDigest got = MessageDigest.getInstance("SHA-256");
            long n = 0;
            long lf = 0;
            try (InputStream in = box.openMessage(uid)) {
                byte[] buf = new byte[65536];
                byte[] lfForm = new byte[buf.length + 1];
                int r;
                boolean pendingCr = false;
                while ((r = in.read(buf)) > 0) {
                    int k = 0;
                    for (int i = 0; i < r; i++) {
                        // hash the LF form (a CR before LF dropped), to compare with what was sent
                        if (pendingCr && buf[i] != '\n') {
                            lfForm[k++] = '\r';
                        }
                        pendingCr = buf[i] == '\r';
                        if (pendingCr) {
                            continue;
                        }
                        if (buf[i] == '\n') {
                            lf++;
                        }
                        lfForm[k++] = buf[i];
                    }
                    got.update(lfForm, 0, k);
                    n += r;
                }
            }
            assertEquals(info.rfc822Size(), n);
            assertEquals(n, GeneratedMessage.lfLength(lines) + lf, "every line ends in CRLF");
            assertArrayEquals(sent.digest(), got.digest(), "content intact");
        }
    }

    @Test
    default void messageStreamSurvivesExpungeByAnotherSession() throws Exception {
        MailboxSession s1 = alice();
        MailboxSession s2 = session(s1.user());
        String msg = Msgs.message("long", "x".repeat(200_000));
        try (Mailbox a = s1.open("INBOX"); Mailbox b = s2.open("INBOX")) {
            long uid = Msgs.append(a, msg);
            InputStream in = a.openMessage(uid);
            byte[] head = in.readNBytes(100);
            b.addFlags(List.of(uid), Set.of(Flags.DELETED));
            // mbox may make the expunge wait until the reader closes: run it elsewhere.
            CompletableFuture<List<Long>> expunge = CompletableFuture.supplyAsync(() -> {
                try {
                    return b.expunge();
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] rest;
            try (in) {
                rest = in.readAllBytes();
            }
            byte[] all = new byte[head.length + rest.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            assertArrayEquals(Msgs.crlf(msg), all);
            assertEquals(List.of(uid), expunge.get(30, TimeUnit.SECONDS));
            assertFalse(a.message(uid).isPresent());
        }
    }

    @Test
    default void messageEmptyFolderState() throws Exception {
        MailboxSession s = alice();
        s.create("Empty");
        try (Mailbox box = s.open("Empty")) {
            assertEquals(List.of(), box.messages());
            assertTrue(box.uidNext() >= 1);
            assertTrue(box.highestModSeq() >= 1);
            assertEquals(0, box.status().messages());
        }
    }

    /** A generated message of {@code lines} lines with LF endings, hashed as it is read. */
    final class GeneratedMessage extends InputStream {
        private static final byte[] HEADER = "Subject: big\nFrom: a@example.org\n\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] LINE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:\n"
                .getBytes(StandardCharsets.US_ASCII);
        private final long total;
        private final MessageDigest digest;
        private long pos;

        GeneratedMessage(long lines, MessageDigest digest) {
            this.total = lfLength(lines);
            this.digest = digest;
        }

        static long lfLength(long lines) {
            return HEADER.length + lines * LINE.length;
        }

        private byte at(long p) {
            return p < HEADER.length ? HEADER[(int) p] : LINE[(int) ((p - HEADER.length) % LINE.length)];
        }

        @Override
        public int read() {
            if (pos >= total) {
                return -1;
            }
            byte b = at(pos++);
            digest.update(b);
            return b & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = at(pos++);
            }
            digest.update(b, off, n);
            return n;
        }
    }
}
