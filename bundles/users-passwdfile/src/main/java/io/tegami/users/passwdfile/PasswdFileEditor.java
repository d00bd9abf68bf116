package io.tegami.users.passwdfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.user.DirectoryException;

/**
 * Read-modify-write of a passwd-file, one writer at a time per file in this JVM (the console and
 * the admin socket both run here), each change written atomically. Lines an edit does not touch
 * are written back byte for byte.
 */
final class PasswdFileEditor {

    /** A change to the raw lines, made in place; its result is returned to the caller. */
    @FunctionalInterface
    interface Edit<T> {
        T apply(List<String> lines) throws DirectoryException;
    }

    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private PasswdFileEditor() {
    }

    /** Applies {@code edit} to the current file and writes the result if the lines changed. */
    static <T> T edit(Path file, Edit<T> edit) throws DirectoryException {
        Object lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
        synchronized (lock) {
            try {
                List<String> lines = PasswdFileText.readLines(file);
                List<String> before = List.copyOf(lines);
                T result = edit.apply(lines);
                if (!lines.equals(before)) {
                    AtomicFileWriter.write(file, PasswdFileText.render(lines));
                }
                return result;
            } catch (IOException e) {
                throw new DirectoryException("cannot update passwd-file " + file + ": " + e, e);
            }
        }
    }
}
