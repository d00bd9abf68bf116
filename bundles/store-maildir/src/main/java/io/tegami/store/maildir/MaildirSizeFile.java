package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

import io.tegami.api.store.QuotaRule;

/**
 * The Maildir++ {@code maildirsize} file in the mail root, read and written as Dovecot's
 * {@code maildir} quota backend does (quota-maildir.c), so that Dovecot, Courier and Tegami agree
 * on a user's usage:
 *
 * <pre>
 * 1073741824S,1000C      the limits: bytes S, messages C ("0S" for none)
 * 123456 42              usage when it was last counted: bytes and messages
 * 2048 1                 one line per change since, appended (O_APPEND): +/- bytes and messages
 * </pre>
 *
 * The file is counted again ({@link MaildirSizeCounter}) when it is missing, broken, 5120 bytes
 * or more, its limits are not the forced ones, or it says "over quota" while it has more than the
 * summary line or is older than 15 minutes (Dovecot's rules: an over-quota verdict is never
 * taken from stale sums).
 */
final class MaildirSizeFile {

    static final String NAME = "maildirsize";
    /** Dovecot reads at most this much; a larger file is recounted. */
    static final int MAX_SIZE = 5120;
    /** An over-quota sum older than this is recounted. */
    static final long STALE_SECONDS = 15 * 60;

    /**
     * What the file says.
     *
     * @param bytesLimit the limits line's S value, 0 for none
     * @param messagesLimit its C value, 0 for none
     * @param bytes the summed bytes
     * @param messages the summed messages
     * @param lines the number of usage lines
     * @param ageSeconds how long ago the file was last written
     */
    record Contents(long bytesLimit, long messagesLimit, long bytes, long messages, int lines, long ageSeconds) {

        /** Whether the sums are over the given limits (0: none). */
        boolean over(long limitBytes, long limitMessages) {
            return (limitBytes > 0 && bytes > limitBytes) || (limitMessages > 0 && messages > limitMessages);
        }
    }

    private final Path file;

    MaildirSizeFile(Path controlRoot) {
        this.file = controlRoot.resolve(NAME);
    }

    Path path() {
        return file;
    }

    /** The file's contents, or null when it is missing, broken or too large (it must be recounted). */
    Contents read() throws IOException {
        byte[] data;
        long mtime;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.size() >= MAX_SIZE) {
                return null;
            }
            mtime = a.lastModifiedTime().to(TimeUnit.SECONDS);
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (data.length >= MAX_SIZE) {
            return null;
        }
        int end = data.length;
        while (end > 0 && data[end - 1] != '\n') {
            end--; // a last line without LF is still being written: not counted
        }
        String text = new String(data, 0, end, StandardCharsets.US_ASCII);
        if (text.indexOf('\0') >= 0 || text.isEmpty()) {
            return null;
        }
        String[] lines = text.split("\n");
        long[] limits;
        try {
            limits = QuotaRule.maildirLimits(lines[0].trim());
        } catch (IllegalArgumentException e) {
            limits = new long[2]; // Dovecot ignores a bad limits line and uses its own
        }
        long bytes = 0;
        long messages = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 2) {
                return null;
            }
            try {
                bytes += Long.parseLong(f[0]);
                messages += Integer.parseInt(f[1]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (bytes < 0 || messages < 0 || lines.length < 2) {
            return null;
        }
        long age = System.currentTimeMillis() / 1000 - mtime;
        return new Contents(limits[0], limits[1], bytes, messages, lines.length - 1, age);
    }

    /** The limits line: {@code <bytes>S} unless only a message limit is set, then {@code ,<count>C}. */
    static String limitsLine(long bytesLimit, long messagesLimit) {
        StringBuilder s = new StringBuilder();
        if (bytesLimit != 0 || messagesLimit == 0) {
            s.append(bytesLimit).append('S');
        }
        if (messagesLimit != 0) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(messagesLimit).append('C');
        }
        return s.toString();
    }

    /** Replaces the file with limits and one summary line, atomically (temporary file, rename). */
    void write(long bytesLimit, long messagesLimit, long bytes, long messages) throws IOException {
        String text = limitsLine(bytesLimit, messagesLimit) + "\n" + bytes + " " + messages + "\n";
        // Dovecot's safe_mkstemp_hostpid() names: <file>.<host>.<pid>.<random>; never a folder name
        Path tmp = file.resolveSibling(NAME + "." + UniqueNames.next(java.time.Instant.now()));
        try {
            FsSupport.writeFile(tmp, text.getBytes(StandardCharsets.US_ASCII), true);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Appends one change line, as every Maildir++ writer does after a save or an expunge.
     *
     * @return false if there is no file (the caller recounts instead)
     */
    boolean append(long bytes, long messages) throws IOException {
        if (bytes == 0 && messages == 0) {
            return true;
        }
        byte[] line = (bytes + " " + messages + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (NoSuchFileException e) {
            return false;
        }
        return true;
    }

    /** Removes the file, so that the next reader counts again (Dovecot's "rebuild later"). */
    void discard() throws IOException {
        Files.deleteIfExists(file);
    }
}
