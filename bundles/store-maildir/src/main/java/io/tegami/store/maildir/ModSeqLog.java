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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tegami's {@code tegami-modseq} file: the CONDSTORE modification sequences of one mailbox.
 * Dovecot keeps them in its binary index, which another program cannot safely write, so Tegami
 * keeps its own text file beside {@code dovecot-uidlist} (Dovecot ignores it). Lines:
 *
 * <pre>
 * T1 V&lt;uidvalidity&gt; H&lt;highest modseq&gt;   header, first line
 * &lt;uid&gt; &lt;modseq&gt; &lt;maildir flag letters&gt;   a message's last change and the flags it left
 * -&lt;uid&gt; &lt;modseq&gt;                      an expunge
 * </pre>
 *
 * The file is appended to under the {@code dovecot-uidlist} lock and rewritten (compacted) by
 * rename. Keeping each message's flag letters lets a sync see flag changes made by Dovecot or
 * mutt (a rename of the file) and give them a modseq too. Readers remember where they stopped and
 * read only what was appended since. A header whose UIDVALIDITY is not the uidlist's means the
 * uidlist was rebuilt: the log starts over.
 */
final class ModSeqLog {

    private static final Logger LOG = LoggerFactory.getLogger(ModSeqLog.class);
    static final String NAME = "tegami-modseq";
    /** The most flag-change appends left without an fsync (see {@link #append}). */
    static final int UNSYNCED_MAX = 256;

    /** A message's modseq and the flag letters its file had then. */
    record Rec(long modSeq, String letters) {
    }

    private final Path file;
    private final Map<Long, Rec> records = new HashMap<>();
    private long validity;
    private long highest;
    private Object fileKey;
    private long offset;
    private int lines;
    private boolean present;
    /** Grows whenever this view changes: the folder index compares it to know it is current. */
    private long version;
    /**
     * No modseq at or below this is handed out by this view ({@link #next}): the highest modseq
     * read when the file was first loaded plus {@link #UNSYNCED_MAX}, above anything an earlier
     * view may have handed out in appends that a crash lost (see {@link #append}).
     */
    private long reserved;
    /** Appends since the last fsync; -1 until this view has synced one. */
    private int unsynced = -1;

    ModSeqLog(Path controlDir) {
        this.file = controlDir.resolve(NAME);
    }

    /** The records, by UID (a live view; do not modify). */
    Map<Long, Rec> records() {
        return records;
    }

    long highest() {
        return highest;
    }

    /** The modseq for the next change: above {@link #highest} and above what a crash may have lost. */
    long next() {
        return Math.max(highest, reserved) + 1;
    }

    /** A number that changes whenever what this view holds changes. */
    long version() {
        return version;
    }

    /** Whether a log for {@code uidValidity} was found by the last {@link #load}. */
    boolean valid(long uidValidity) {
        return present && validity == uidValidity;
    }

    /** Brings this view up to date with the file, reading only what was appended when it can. */
    void load(long uidValidity) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            clear();
            return;
        }
        boolean sameFile = present && Objects.equals(fileKey, a.fileKey()) && a.size() >= offset && validity == uidValidity;
        if (sameFile && a.size() == offset) {
            return;
        }
        if (!sameFile) {
            clear();
        }
        boolean fresh = offset == 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(offset);
            byte[] tail = new byte[(int) Math.min(Integer.MAX_VALUE - 8, ch.size() - offset)];
            ByteBuffer buf = ByteBuffer.wrap(tail);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read the rest
            }
            int end = lastNewline(tail, buf.position());
            parse(new String(tail, 0, end, StandardCharsets.US_ASCII));
            offset += end;
            version++;
            fileKey = a.fileKey();
            if (fresh) {
                reserved = highest + UNSYNCED_MAX;
                unsynced = -1;
            }
        } catch (NoSuchFileException e) {
            clear();
            return;
        }
        if (present && validity != uidValidity) {
            LOG.info("{} belongs to UIDVALIDITY {}, not {}: starting over", file, validity, uidValidity);
            clear();
        }
    }

    private static int lastNewline(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return 0; // a partial line still being written: read it next time
    }

    private void parse(String text) {
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            String[] f = line.split(" ", -1);
            try {
                if (line.startsWith("T")) {
                    for (String h : f) {
                        if (h.startsWith("V")) {
                            validity = Long.parseLong(h.substring(1));
                        } else if (h.startsWith("H")) {
                            highest = Math.max(highest, Long.parseLong(h.substring(1)));
                        }
                    }
                    present = true;
                } else if (line.startsWith("-") && f.length >= 2) {
                    records.remove(Long.parseLong(f[0].substring(1)));
                    highest = Math.max(highest, Long.parseLong(f[1]));
                } else if (f.length >= 2) {
                    long modSeq = Long.parseLong(f[1]);
                    records.put(Long.parseLong(f[0]), new Rec(modSeq, f.length > 2 ? f[2].intern() : ""));
                    highest = Math.max(highest, modSeq);
                }
            } catch (NumberFormatException e) {
                LOG.warn("{}: line ignored: {}", file, line);
            }
        }
    }

    private void clear() {
        version++;
        records.clear();
        present = false;
        validity = 0;
        highest = 0;
        fileKey = null;
        offset = 0;
        lines = 0;
        reserved = 0;
        unsynced = -1;
    }

    /**
     * Starts a new log for {@code uidValidity} holding {@code start} as highest modseq and the
     * given records. The caller holds the uidlist lock.
     */
    void create(long uidValidity, long start, Map<Long, Rec> initial) throws IOException {
        StringBuilder out = new StringBuilder(64 + initial.size() * 24);
        out.append("T1 V").append(uidValidity).append(" H").append(start).append('\n');
        initial.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line(out, e.getKey(), e.getValue()));
        Path tmp = file.resolveSibling(NAME + ".tmp");
        FsSupport.writeFile(tmp, out.toString().getBytes(StandardCharsets.US_ASCII), false);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        clear();
        load(uidValidity);
    }

    /**
     * Records changes, all with modseq {@code modSeq}: {@code changed} messages with their new
     * letters, {@code expunged} UIDs removed. The caller holds the uidlist lock and has just
     * called {@link #load}. The log is compacted when it has grown to twice what it describes.
     */
    void append(long uidValidity, long modSeq, Map<Long, String> changed, List<Long> expunged) throws IOException {
        StringBuilder out = new StringBuilder();
        changed.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line(out, e.getKey(), new Rec(modSeq, e.getValue())));
        for (long uid : expunged) {
            out.append('-').append(uid).append(' ').append(modSeq).append('\n');
        }
        if (!expunged.isEmpty() || !changed.isEmpty()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                // A modseq handed out must never be handed out again, even after a crash. Flag
                // changes are not fsync'd (nor are their renames, as in Dovecot's default
                // mail_fsync), but at most UNSYNCED_MAX of them in a row, and never the first
                // of a view: the next view after a crash starts UNSYNCED_MAX above the highest
                // it reads (reserved), which is above any modseq lost. Expunges are synced.
                if (unsynced < 0 || unsynced >= UNSYNCED_MAX - 1 || !expunged.isEmpty()) {
                    ch.force(false);
                    unsynced = 0;
                } else {
                    unsynced++;
                }
            }
            load(uidValidity);
        }
        if (lines > 2 * records.size() + 1000) {
            create(uidValidity, highest, new HashMap<>(records));
        }
    }

    private static void line(StringBuilder out, long uid, Rec r) {
        out.append(uid).append(' ').append(r.modSeq()).append(' ').append(r.letters()).append('\n');
    }
}
