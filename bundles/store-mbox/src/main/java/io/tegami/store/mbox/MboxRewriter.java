package io.tegami.store.mbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a new version of an mbox beside the old one and renames it into place: the way every
 * change that is not a plain append (flags, UIDs, expunge) reaches the file. A crash before the
 * rename leaves the old file untouched; after it, the new one complete (it is fsync'd first, and
 * the directory after). The caller holds the dotlock and the fcntl lock throughout.
 *
 * <p>Each message keeps its From_ line, its header fields in order and its body byte for byte;
 * only the metadata headers are replaced, written after the other fields in Dovecot's order:
 * X-IMAPbase (first message), X-UID, Status, X-Status, X-Keywords, and Content-Length where the
 * message had one. When no message is left, a c-client style pseudo message keeps the
 * UIDVALIDITY and last UID, so that UIDs are never given out twice.
 */
final class MboxRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(MboxRewriter.class);
    private static final byte[] LF = {'\n'};
    /** Tests only: runs between writing the new version and renaming it (a crash there). */
    static volatile Runnable beforeCommit;

    private MboxRewriter() {
    }

    /** The temporary file a rewrite of {@code target} uses (a dot file, which listings skip). */
    static Path tempFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tegami-rewrite");
    }

    /** Removes what an interrupted rewrite left behind. Call under the locks. */
    static void discardStale(Path target) throws IOException {
        if (Files.deleteIfExists(tempFor(target))) {
            LOG.warn("{}: removed an unfinished rewrite left by a crash; the mailbox itself is intact", target);
        }
    }

    /**
     * Writes the new version to the temporary file and fsyncs it.
     *
     * @param src the current file, locked
     * @param target the mbox path
     * @param uidValidity the UIDVALIDITY to write
     * @param uidLast the last UID given out
     * @param keywords the keywords the folder defines
     * @param messages the messages to keep, in order, with their new flags
     * @param keepPseudo write a pseudo message even if there are messages (there was one)
     * @return the temporary file, to {@link #commit}
     */
    static Path write(FileChannel src, Path target, long uidValidity, long uidLast, List<String> keywords,
            List<MboxMessage> messages, boolean keepPseudo, ZoneId zone) throws IOException {
        Path temp = tempFor(target);
        Files.deleteIfExists(temp);
        Set<String> allKeywords = new LinkedHashSet<>(keywords);
        for (MboxMessage m : messages) {
            allKeywords.addAll(MboxHeaders.keywords(m.flags()));
        }
        MboxHeaders.ImapBase base = new MboxHeaders.ImapBase(uidValidity, uidLast, List.copyOf(allKeywords));
        try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                FsSupport.privateFile())) {
            copyMode(target, temp);
            OutputStream os = new BufferedOutputStream(Channels.newOutputStream(out), 64 * 1024);
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            boolean pseudo = messages.isEmpty() || keepPseudo;
            if (pseudo) {
                writePseudo(os, base, zone);
            }
            boolean first = !pseudo;
            for (MboxMessage m : messages) {
                writeMessage(src, os, buf, m, first ? base : null);
                first = false;
            }
            os.flush();
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Renames the new version into place and makes the rename durable. */
    static void commit(Path temp, Path target) throws IOException {
        Runnable hook = beforeCommit;
        if (hook != null) {
            hook.run();
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FsSupport.fsyncDirectory(target.toAbsolutePath().getParent());
    }

    private static void writeMessage(FileChannel src, OutputStream os, ByteBuffer buf, MboxMessage m,
            MboxHeaders.ImapBase base) throws IOException {
        ScannedMessage s = m.scan();
        FsSupport.copyRange(src, s.fromOffset(), s.headerOffset(), os, buf);
        // Header fields but the metadata ones, in their order.
        long pos = s.headerOffset();
        for (long[] range : s.hidden()) {
            FsSupport.copyRange(src, pos, Math.min(range[0], s.headerEnd()), os, buf);
            pos = Math.max(pos, range[1]);
        }
        if (pos < s.headerEnd()) {
            FsSupport.copyRange(src, pos, s.headerEnd(), os, buf);
        }
        if (s.headerEnd() > s.headerOffset() && lastByte(src, s.headerEnd()) != '\n') {
            os.write(LF); // a header cut short at the end of the file
        }
        long bodyLength = s.end() - s.bodyOffset();
        boolean addLf = bodyLength > 0 && lastByte(src, s.end()) != '\n';
        StringBuilder h = new StringBuilder(128);
        if (base != null) {
            h.append(MboxHeaders.X_IMAPBASE).append(": ").append(base.format()).append('\n');
        }
        h.append(MboxHeaders.X_UID).append(": ").append(m.uid()).append('\n');
        h.append(MboxHeaders.STATUS).append(": ").append(MboxHeaders.status(m.flags(), m.old())).append('\n');
        String xStatus = MboxHeaders.xStatus(m.flags());
        if (!xStatus.isEmpty()) {
            h.append(MboxHeaders.X_STATUS).append(": ").append(xStatus).append('\n');
        }
        List<String> kws = MboxHeaders.keywords(m.flags());
        if (!kws.isEmpty()) {
            h.append(MboxHeaders.X_KEYWORDS).append(": ").append(MboxHeaders.keywordValue(kws)).append('\n');
        }
        if (s.meta().contentLength() >= 0) {
            // Kept, and made right: it is what keeps unquoted From_ lines of mboxcl2 bodies in place.
            h.append(MboxHeaders.CONTENT_LENGTH).append(": ").append(bodyLength + (addLf ? 1 : 0)).append('\n');
        }
        h.append('\n');
        os.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        FsSupport.copyRange(src, s.bodyOffset(), s.end(), os, buf);
        if (addLf) {
            os.write(LF);
        }
        os.write(LF); // the separator
    }

    private static int lastByte(FileChannel src, long end) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return src.read(one, end - 1) == 1 ? one.get(0) : -1;
    }

    /** c-client's "FOLDER INTERNAL DATA" message, as Dovecot writes it (mbox-storage.c). */
    private static void writePseudo(OutputStream os, MboxHeaders.ImapBase base, ZoneId zone) throws IOException {
        Instant now = Instant.now();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(ZonedDateTime.ofInstant(now, zone));
        String text = "Date: " + date + "\n"
                + "From: Mail System Internal Data <MAILER-DAEMON@" + MboxHost.name() + ">\n"
                + "Subject: DON'T DELETE THIS MESSAGE -- FOLDER INTERNAL DATA\n"
                + "Message-ID: <" + now.getEpochSecond() + "@" + MboxHost.name() + ">\n"
                + MboxHeaders.X_IMAP + ": " + base.format() + "\n"
                + "Status: RO\n"
                + "\n"
                + "This text is part of the internal format of your mail folder, and is not\n"
                + "a real message.  It is created automatically by the mail system software.\n"
                + "If deleted, important folder data will be lost, and it will be re-created\n"
                + "with the data reset to initial values.\n"
                + "\n";
        os.write(FromLine.of(FromLine.MAILER_DAEMON, now).format(zone));
        os.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Gives the new file the old one's permissions (a 0660 spool file stays 0660) and, where the
     * process may (running as root), its owner and group: a rename must not take a user's mailbox
     * away from the user, or from the Dovecot process that runs as that user.
     */
    private static void copyMode(Path from, Path to) {
        if (!FsSupport.POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            PosixFileAttributes attrs = Files.readAttributes(from, PosixFileAttributes.class);
            PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (!attrs.owner().equals(Files.getOwner(to))) {
                view.setOwner(attrs.owner());
            }
            if (!attrs.group().equals(Files.readAttributes(to, PosixFileAttributes.class).group())) {
                view.setGroup(attrs.group());
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot copy the mode or owner of {}: {}", from, e.toString());
        }
    }
}
