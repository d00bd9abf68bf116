package io.tegami.shell.admin;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File-system chores around the admin socket: its private directory, stale files, permissions. */
final class SocketFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SocketFiles.class);

    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private SocketFiles() {
    }

    /**
     * Creates the socket's directory with mode 0700 if it is missing. The socket file only gets
     * mode 0600 just after bind, so a private directory is what keeps others out in between. An
     * existing directory is left alone (it may be shared, like /run) with a warning if it is open.
     */
    static void prepareDirectory(Path socket) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir);
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR); // exact, whatever the umask
            } catch (FileAlreadyExistsException e) {
                // created meanwhile by someone else: checked below like any existing directory
            }
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (!OWNER_ONLY_DIR.containsAll(mode)) {
            LOG.warn("{} is open to other users ({}); the admin socket in it is mode 0600",
                    dir, PosixFilePermissions.toString(mode));
        }
    }

    /**
     * Removes a socket file left by a server that did not shut down cleanly.
     *
     * @throws IOException if a server still answers on it, or the path is not a socket (a file an
     *         admin cares about, or a symbolic link to one)
     */
    static void removeStale(Path socket) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (!attributes.isOther()) {
            throw new IOException(socket + " exists and is not a socket; not replacing it");
        }
        if (answers(socket)) {
            throw new IOException("another server is listening on " + socket);
        }
        Files.deleteIfExists(socket);
        LOG.info("removed stale admin socket {}", socket);
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void restrict(Path socket) throws IOException {
        Files.setPosixFilePermissions(socket, OWNER_ONLY_FILE);
    }

    static void delete(Path socket) {
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("cannot delete admin socket {}: {}", socket, e.toString());
        }
    }
}
