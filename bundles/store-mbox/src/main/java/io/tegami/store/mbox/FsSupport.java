package io.tegami.store.mbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File system helpers the mbox store shares: private modes, fsync, copying ranges, error mapping. */
final class FsSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FsSupport.class);
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] DIR_0700 = POSIX ? new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] FILE_0600 = POSIX ? new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];

    private FsSupport() {
    }

    /** Mode 0600, Dovecot's and Postfix's mode for mailboxes, where the file system has modes. */
    static FileAttribute<?>[] privateFile() {
        return FILE_0600.clone();
    }

    /** Creates a directory and its missing parents, each new one with mode 0700. */
    static void createPrivateDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(abs, DIR_0700);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
    }

    /** Creates an empty mailbox file (0600); false if something exists there already. */
    static boolean createEmptyFile(Path file) throws IOException {
        try {
            Files.createFile(file, FILE_0600);
            fsyncDirectory(file.getParent());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Makes creations, renames and unlinks in {@code dir} durable. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the operation itself succeeded.
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    /** Copies {@code [from, to)} of a file to a stream through a small buffer. */
    static void copyRange(FileChannel src, long from, long to, OutputStream out, ByteBuffer buf) throws IOException {
        long pos = from;
        while (pos < to) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), to - pos));
            int n = src.read(buf, pos);
            if (n < 0) {
                throw new IOException("file ended at " + pos + ", expected data up to " + to);
            }
            out.write(buf.array(), 0, n);
            pos += n;
        }
    }

    /** Maps an I/O failure to the store's reasons: a full disk or quota is NO_SPACE, the rest IO. */
    static StoreException failure(String what, IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (reason != null && (reason.contains("No space left") || reason.contains("quota")
                || reason.contains("File too large"))) {
            return new StoreException(StoreException.Reason.NO_SPACE, what + ": " + reason, e);
        }
        return new StoreException(StoreException.Reason.IO, what + ": " + e, e);
    }
}
