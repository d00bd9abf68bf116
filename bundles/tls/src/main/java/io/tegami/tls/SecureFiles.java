package io.tegami.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that hold secrets: owner-only permissions from the moment they exist (never a
 * window in which a private key is world readable), replaced atomically so that a reader never
 * sees half a file.
 */
final class SecureFiles {

    private SecureFiles() {
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and parents) if needed and makes it 0700. */
    static void privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Writes {@code text} to {@code file} with the given POSIX mode, e.g. {@code rw-------}. */
    static void write(Path file, String text, String mode) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = posix()
                ? Files.createTempFile(dir, ".tmp-", ".pem", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".tmp-", ".pem");
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            if (posix()) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
