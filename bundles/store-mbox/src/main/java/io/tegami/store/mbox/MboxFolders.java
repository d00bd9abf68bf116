package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxNames;
import io.tegami.api.store.StoreException;

/**
 * The folder tree of one user's mbox layout: listing with attributes, create, delete and rename.
 * A folder is a file; a level that has children is a directory, which holds no mail and is
 * listed {@code \Noselect} (it is how Dovecot's mbox layout works: a name cannot be both).
 */
final class MboxFolders {

    /** Deeper trees are not listed (a symlink loop or an absurd tree). */
    private static final int MAX_DEPTH = 32;

    private final MboxLayout layout;
    private final FolderRegistry registry;
    private final Map<String, String> specialUse;

    MboxFolders(MboxLayout layout, FolderRegistry registry, Map<String, String> specialUse) {
        this.layout = layout;
        this.registry = registry;
        this.specialUse = specialUse;
    }

    List<MailboxInfo> list() throws IOException {
        Map<String, Set<String>> entries = new TreeMap<>();
        if (Files.isDirectory(layout.root())) {
            walk(layout.root(), new ArrayList<>(), entries, 0);
        }
        Set<String> inbox = entries.remove("INBOX"); // a directory "INBOX" holds INBOX's children
        List<MailboxInfo> out = new ArrayList<>();
        Set<String> inboxAttrs = new LinkedHashSet<>();
        boolean inboxChildren = inbox != null && inbox.contains(MailboxAttributes.HAS_CHILDREN);
        inboxAttrs.add(inboxChildren ? MailboxAttributes.HAS_CHILDREN : MailboxAttributes.HAS_NO_CHILDREN);
        out.add(new MailboxInfo("INBOX", inboxAttrs));
        for (Map.Entry<String, Set<String>> e : entries.entrySet()) {
            Set<String> attrs = e.getValue();
            String use = MailboxAttributes.specialUse(e.getKey(), MboxLayout.DELIMITER, specialUse);
            if (use != null && !attrs.contains(MailboxAttributes.NOSELECT)) {
                attrs.add(use);
            }
            out.add(new MailboxInfo(e.getKey(), attrs));
        }
        return out;
    }

    /** Lists a directory into {@code entries}; true if it holds any folder or directory. */
    private boolean walk(Path dir, List<String> levels, Map<String, Set<String>> entries, int depth) throws IOException {
        boolean any = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String fileName = p.getFileName().toString();
                List<String> sub = new ArrayList<>(levels);
                sub.add(fileName);
                String name = MboxLayout.nameOf(sub);
                if (name == null || (levels.isEmpty() && name.equals("INBOX") && !Files.isDirectory(p))) {
                    continue; // dot files, locks, the root's own "inbox" file (INBOX is listed anyway)
                }
                Set<String> attrs = new LinkedHashSet<>();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    boolean children = depth < MAX_DEPTH && walk(p, sub, entries, depth + 1);
                    attrs.add(MailboxAttributes.NOSELECT);
                    attrs.add(children ? MailboxAttributes.HAS_CHILDREN : MailboxAttributes.HAS_NO_CHILDREN);
                } else if (Files.isRegularFile(p)) {
                    attrs.add(MailboxAttributes.HAS_NO_CHILDREN);
                } else {
                    continue;
                }
                entries.put(name, attrs);
                any = true;
            }
        } catch (NoSuchFileException e) {
            // removed while listing
        }
        return any;
    }

    void create(String name) throws IOException, StoreException {
        if (MailboxNames.isInbox(name)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "INBOX always exists");
        }
        Path file = layout.pathOf(name);
        checkParents(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, name + " exists already");
        }
        FsSupport.createPrivateDirectories(file.getParent());
        if (!FsSupport.createEmptyFile(file)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, name + " exists already");
        }
    }

    /** A level above the name that is a file (a folder with mail) cannot have children. */
    private void checkParents(String name) throws StoreException {
        for (String parent : MailboxNames.parents(name, MboxLayout.DELIMITER)) {
            Path p = layout.pathOf(parent);
            if (MailboxNames.isInbox(parent)) {
                p = layout.root().resolve("INBOX");
            }
            if (Files.isRegularFile(p)) {
                throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                        parent + " holds mail and cannot have child folders in the mbox layout");
            }
        }
    }

    void delete(String name) throws IOException, StoreException {
        if (MailboxNames.isInbox(name)) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "INBOX cannot be deleted");
        }
        Path file = layout.pathOf(name);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(file)) {
                if (ds.iterator().hasNext()) {
                    throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                            name + " has child folders (it holds no mail itself)");
                }
            }
            Files.delete(file);
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no mailbox " + name);
        }
        Folder folder = registry.folder(file, name);
        folder.lock();
        try (MboxLock locked = MboxLock.write(file, registry.lockSettings())) {
            // Unlinked under the locks, so that no delivery is halfway into it.
            Files.delete(file);
            Files.deleteIfExists(MboxRewriter.tempFor(file));
            FsSupport.fsyncDirectory(file.getParent());
        } finally {
            folder.unlock();
        }
        registry.gone(file, name + " was deleted");
    }

    void rename(String from, String to) throws IOException, StoreException {
        Path src = layout.pathOf(from);
        Path dst = layout.pathOf(to);
        if (!MailboxNames.isInbox(from) && !Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no mailbox " + from);
        }
        if (MailboxNames.isInbox(to) || Files.exists(dst, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, to + " exists already");
        }
        if (to.startsWith(from + MboxLayout.DELIMITER)) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "cannot rename " + from + " below itself");
        }
        checkParents(to);
        FsSupport.createPrivateDirectories(dst.getParent());
        if (MailboxNames.isInbox(from)) {
            renameInbox(src, dst);
            return;
        }
        Folder folder = Files.isRegularFile(src) ? registry.folder(src, from) : null;
        if (folder != null) {
            folder.lock();
        }
        try (MboxLock locked = folder == null ? null : MboxLock.write(src, registry.lockSettings())) {
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
            FsSupport.fsyncDirectory(src.getParent());
            FsSupport.fsyncDirectory(dst.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, to + " exists already");
        } finally {
            if (folder != null) {
                folder.unlock();
            }
        }
        registry.gone(src, from + " was renamed to " + to);
    }

    /**
     * RFC 3501: renaming INBOX moves its messages to a new folder and leaves INBOX empty. The
     * spool file may be on another file system, so it is copied (UIDVALIDITY and UIDs travel in
     * its headers), then emptied, keeping its UID state in a pseudo message.
     */
    private void renameInbox(Path src, Path dst) throws IOException, StoreException {
        Folder folder = registry.folder(src, "INBOX");
        folder.lock();
        try {
            folder.withWriteLock((locked, state) -> {
                Path temp = MboxRewriter.tempFor(dst);
                try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), FsSupport.privateFile())) {
                    long size = locked.channel.size();
                    long pos = 0;
                    while (pos < size) {
                        pos += locked.channel.transferTo(pos, size - pos, out);
                    }
                    out.force(true);
                }
                Files.move(temp, dst, StandardCopyOption.ATOMIC_MOVE);
                FsSupport.fsyncDirectory(dst.getParent());
                folder.publish(null, folder.rewrite(locked, state, List.of(), state.keywords()));
                return null;
            });
        } finally {
            folder.unlock();
        }
    }
}
