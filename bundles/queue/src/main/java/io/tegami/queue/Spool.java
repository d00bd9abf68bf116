package io.tegami.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The spool directory and its Postfix-like layout.
 *
 * <ul>
 *   <li>{@code incoming/} messages being written, not yet acknowledged</li>
 *   <li>{@code active/} committed messages, ready or being delivered</li>
 *   <li>{@code deferred/} messages waiting for their next retry</li>
 *   <li>{@code hold/} messages put aside by an administrator</li>
 *   <li>{@code defer/} per message: attempts, next retry time, last reason (a scheduling hint)</li>
 *   <li>{@code bounce/} per message: recipients that failed permanently, until the DSN is queued</li>
 *   <li>{@code corrupt/} queue files that could not be read, kept for a human</li>
 * </ul>
 *
 * <p>Everything lives on one file system, so moving a message between queues is an atomic rename.
 *
 * <p>As in Postfix, a queue file whose writer finished it carries the owner-execute bit (mode
 * 0700, {@link #markCommitted}): a committed message found in {@code incoming/} after a crash (its
 * move to {@code active/} was not on disk yet) is delivered, not discarded.
 */
final class Spool {

    static final String INCOMING = "incoming";
    static final String ACTIVE = "active";
    static final String DEFERRED = "deferred";
    static final String HOLD = "hold";
    static final String DEFER_LOG = "defer";
    static final String BOUNCE_LOG = "bounce";
    static final String CORRUPT = "corrupt";

    /** The queues a committed message can be in, in the order a lookup tries them. */
    static final List<String> MESSAGE_QUEUES = List.of(ACTIVE, DEFERRED, HOLD);

    private static final List<String> ALL = List.of(INCOMING, ACTIVE, DEFERRED, HOLD, DEFER_LOG, BOUNCE_LOG, CORRUPT);
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> COMMITTED_MODE = PosixFilePermissions.fromString("rwx------");

    /** How long removals of delivered messages may wait for the fsync that makes them durable. */
    static final Duration REMOVAL_SYNC_DELAY = Duration.ofMillis(10);

    private final Path root;
    private final Map<String, DirectorySync> syncs = new HashMap<>();
    private final BackgroundSync activeLater;

    Spool(Path root) {
        this(root, Spool::syncDirectory);
    }

    /** A spool whose directory fsyncs run through {@code fsync} (tests count them). */
    Spool(Path root, DirectorySync.Fsync fsync) {
        this.root = root.toAbsolutePath().normalize();
        for (String name : ALL) {
            syncs.put(name, new DirectorySync(this.root.resolve(name), fsync));
        }
        activeLater = new BackgroundSync(syncs.get(ACTIVE), REMOVAL_SYNC_DELAY);
    }

    /** Creates the spool and its queue directories, mode 0700 (mail is private). */
    void create() throws IOException {
        Files.createDirectories(root);
        restrict(root);
        for (String name : ALL) {
            Path dir = root.resolve(name);
            Files.createDirectories(dir);
            restrict(dir);
        }
    }

    Path root() {
        return root;
    }

    Path dir(String queue) {
        return root.resolve(queue);
    }

    Path file(String queue, String queueId) {
        return root.resolve(queue).resolve(queueId);
    }

    /** The attribute that creates spool files readable by their owner only (where POSIX modes exist). */
    static FileAttribute<?>[] fileMode() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    /** The queue holding message {@code queueId} now, if any. */
    Optional<String> locate(String queueId) {
        for (String queue : MESSAGE_QUEUES) {
            if (Files.exists(file(queue, queueId))) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }

    /** The queue ids in one queue directory; temporary and foreign files are skipped. */
    List<String> ids(String queue) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(dir(queue))) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (QueueIds.isQueueId(name)) {
                    ids.add(name);
                }
            }
        }
        return ids;
    }

    /**
     * Makes the renames and unlinks done in one queue directory so far durable: an fsync of the
     * directory, shared with whoever else asks at the same time ({@link DirectorySync}).
     */
    void sync(String queue) throws IOException {
        syncs.get(queue).sync();
    }

    /**
     * Asks for an fsync of {@code active/} within {@link #REMOVAL_SYNC_DELAY}, shared with every
     * other request made meanwhile, and does not wait for it ({@link BackgroundSync}).
     */
    CompletableFuture<Void> syncActiveSoon() {
        return activeLater.request();
    }

    /**
     * Whether committed queue files are marked by their mode, so that a commit may leave its move
     * to {@code active/} unsynced (a crash leaves the file in {@code incoming/}, marked, and it is
     * found there). False where the file system has no POSIX modes: there a commit syncs
     * {@code active/} instead.
     */
    static boolean marksCommits() {
        return POSIX;
    }

    /** Marks a finished queue file as committed (mode 0700); made durable by the file's fsync. */
    static void markCommitted(Path file) throws IOException {
        Files.setPosixFilePermissions(file, COMMITTED_MODE);
    }

    /** Whether a queue file was marked committed. */
    static boolean isCommitted(Path file) throws IOException {
        return POSIX && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /**
     * Moves a message to another queue: an atomic rename, made durable by syncing the target
     * directory, so that after a crash the file is in exactly one of the two places.
     *
     * @throws NoSuchFileException if the message is not in {@code from} (deleted meanwhile)
     */
    void move(String queueId, String from, String to) throws IOException {
        Path target = file(to, queueId);
        try {
            Files.move(file(from, queueId), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("spool is not on one file system: " + root, e);
        }
        sync(to);
    }

    /** Makes a directory's entries durable (fsync on the directory; skipped where the OS cannot). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; on Linux a failure here is real.
            if (LINUX) {
                throw e;
            }
        }
    }

    private static void restrict(Path dir) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(dir, DIR_MODE);
        }
    }
}
