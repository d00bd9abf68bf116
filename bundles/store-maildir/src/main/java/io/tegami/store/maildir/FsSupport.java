package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File system helpers every Maildir operation shares: private modes, fsync, error mapping. */
final class FsSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FsSupport.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] DIR_0700 = POSIX ? new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    static final FileAttribute<?>[] FILE_0600 = POSIX ? new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];

    private FsSupport() {
    }

    /** Mode 0600 (Dovecot's default for mail files), when the file system has POSIX modes. */
    static FileAttribute<?>[] privateFile() {
        return FILE_0600.clone();
    }

    /** Mode 0700 for mail directories, when the file system has POSIX modes. */
    static FileAttribute<?>[] privateDirectory() {
        return DIR_0700.clone();
    }

    /** Creates a directory with mode 0700; false if it existed already. */
    static boolean createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return false; // the usual case (every delivery checks tmp/ new/ cur/): one stat, no exception
        }
        try {
            Files.createDirectory(dir, DIR_0700);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return false;
        }
    }

    /** Creates a directory and its missing parents, each with mode 0700. */
    static void createPrivateDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        createPrivateDirectory(abs);
    }

    /** Creates an empty file with mode 0600 unless it exists. */
    static void touchPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file, FILE_0600);
        } catch (FileAlreadyExistsException e) {
            // already there: fine
        }
    }

    /** Makes creations, renames and unlinks in {@code dir} durable. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (e instanceof NoSuchFileException) {
                throw e;
            }
            // Some platforms cannot open a directory for fsync; the operation itself succeeded.
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    /** Writes a whole small file and fsyncs it; fails if it exists (a lock file) when {@code exclusive}. */
    static void writeFile(Path file, byte[] content, boolean exclusive) throws IOException {
        Set<StandardOpenOption> options = exclusive
                ? Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                : Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(file, options, FILE_0600)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Deletes a directory tree; missing entries are ignored (another process may be deleting too). */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Maps an I/O failure to the store's reasons: a full disk or quota is NO_SPACE, the rest IO. */
    static StoreException failure(String what, IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (reason != null && (reason.contains("No space left") || reason.contains("quota"))) {
            return new StoreException(StoreException.Reason.NO_SPACE, what + ": " + reason, e);
        }
        return new StoreException(StoreException.Reason.IO, what + ": " + e, e);
    }
}
