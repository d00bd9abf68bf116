package io.tegami.api.store.contract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;

/** Message helpers for the contract tests. */
public final class Msgs {

    private Msgs() {
    }

    /** A small message with LF line endings. */
    public static String message(String subject, String body) {
        return "From: Bob <bob@example.org>\nTo: alice@example.org\nSubject: " + subject
                + "\nMessage-ID: <" + Math.abs(subject.hashCode()) + "." + System.nanoTime() + "@example.org>\n\n"
                + body + "\n";
    }

    /** The IMAP form of a message: every LF not preceded by CR becomes CRLF. */
    public static byte[] crlf(String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = message.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    public static InputStream stream(String message) {
        return new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends with flags and no date. */
    public static long append(Mailbox box, String message, String... flags) throws StoreException {
        return box.append(stream(message), Set.of(flags), null);
    }

    /** Appends a fresh small message with this subject. */
    public static long add(Mailbox box, String subject) throws StoreException {
        return append(box, message(subject, "body of " + subject), new String[0]);
    }

    public static byte[] read(Mailbox box, long uid) throws StoreException {
        try (InputStream in = box.openMessage(uid)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Mailbox box, long uid) throws StoreException {
        return new String(read(box, uid), StandardCharsets.UTF_8);
    }

    public static List<Long> uids(List<MessageInfo> list) {
        return list.stream().map(MessageInfo::uid).toList();
    }

    public static List<Long> uids(Mailbox box) throws StoreException {
        return uids(box.messages());
    }

    public static MessageInfo info(Mailbox box, long uid) throws StoreException {
        return box.message(uid).orElseThrow(() -> new AssertionError("no UID " + uid));
    }

    /** An instant with whole seconds, which every store keeps. */
    public static Instant date(String iso) {
        return Instant.parse(iso);
    }
}
