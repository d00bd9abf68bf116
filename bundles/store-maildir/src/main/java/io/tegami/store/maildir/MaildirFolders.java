package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating, deleting and renaming Maildir++ folders the way Dovecot does on disk: a folder is a
 * directory with a {@code maildirfolder} marker; delete renames it to {@code ..DOVECOT-TRASHED}
 * first so that it vanishes from listings at once; rename moves {@code .A} and each child
 * {@code .A.x}. Names given here are already normalized.
 */
final class MaildirFolders {

    private static final Logger LOG = LoggerFactory.getLogger(MaildirFolders.class);

    private final MaildirLayout layout;

    MaildirFolders(MaildirLayout layout) {
        this.layout = layout;
    }

    boolean exists(String name) throws StoreException {
        return Files.isDirectory(layout.mailboxDir(name));
    }

    /** Creates a folder and its missing parents. */
    void create(String name) throws StoreException, IOException {
        if (MailboxNames.isInbox(name) || exists(name)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "mailbox exists: " + name);
        }
        for (String parent : MailboxNames.parents(name)) {
            if (!MailboxNames.isInbox(parent) && !exists(parent)) {
                createOne(parent);
            }
        }
        createOne(name);
    }

    private void createOne(String name) throws StoreException, IOException {
        Path dir = layout.mailboxDir(name);
        try {
            // The directory itself is created exclusively: of two creators only one wins.
            Files.createDirectory(dir, FsSupport.privateDirectory());
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "mailbox exists: " + name);
        }
        MaildirLayout.createMaildir(dir, true);
        if (layout.separateControl()) {
            FsSupport.createPrivateDirectories(layout.controlDir(name));
        }
        FsSupport.fsyncDirectory(dir.getParent());
    }

    /**
     * Deletes a folder with its messages; its children stay (the name then lists as {@code \Noselect}).
     *
     * @param allNames every folder now, to tell a {@code \Noselect} parent from a missing name
     */
    void delete(String name, List<String> allNames) throws StoreException, IOException {
        if (MailboxNames.isInbox(name)) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "INBOX cannot be deleted");
        }
        Path dir = layout.mailboxDir(name);
        if (!Files.isDirectory(dir)) {
            String prefix = name + MailboxNames.DELIMITER;
            if (allNames.stream().anyMatch(n -> n.startsWith(prefix))) {
                // Dovecot's answer for a name that exists only as its children's parent
                throw new StoreException(StoreException.Reason.NOT_ALLOWED, "Mailbox has children, delete them first");
            }
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no mailbox " + name);
        }
        trash(dir, name);
        if (layout.separateControl()) {
            Path control = layout.controlDir(name);
            if (Files.isDirectory(control)) {
                trash(control, name);
            }
        }
    }

    private void trash(Path dir, String name) throws StoreException, IOException {
        Path trash = dir.resolveSibling(MaildirLayout.TRASH);
        for (int attempt = 0; ; attempt++) {
            // A leftover from an interrupted delete (ours or Dovecot's) is garbage.
            FsSupport.deleteRecursively(trash);
            try {
                Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
                break;
            } catch (NoSuchFileException e) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "no mailbox " + name);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                if (attempt == 3) {
                    throw e; // another delete keeps racing us
                }
            }
        }
        FsSupport.fsyncDirectory(dir.getParent());
        FsSupport.deleteRecursively(trash);
    }

    /**
     * Renames a folder and its children ({@code A} to {@code B}, {@code A.x} to {@code B.x}).
     *
     * @return the maildirs that moved away (their open handles must be closed)
     */
    List<Path> rename(String from, String to, List<String> allNames) throws StoreException, IOException {
        if (!exists(from)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no mailbox " + from);
        }
        if (MailboxNames.isInbox(to) || exists(to)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "mailbox exists: " + to);
        }
        String prefix = from + MailboxNames.DELIMITER;
        if (to.startsWith(prefix)) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "cannot rename " + from + " below itself");
        }
        List<String> children = new ArrayList<>();
        for (String n : allNames) {
            if (n.startsWith(prefix)) {
                children.add(n);
            }
        }
        for (String parent : MailboxNames.parents(to)) {
            if (!MailboxNames.isInbox(parent) && !exists(parent)) {
                createOne(parent);
            }
        }
        List<Path> moved = new ArrayList<>();
        moved.add(layout.mailboxDir(from));
        move(from, to);
        for (String child : children) {
            String target = to + child.substring(from.length());
            if (exists(target)) {
                LOG.warn("rename {} -> {}: {} exists already, {} left in place", from, to, target, child);
                continue;
            }
            moved.add(layout.mailboxDir(child));
            move(child, target);
        }
        FsSupport.fsyncDirectory(layout.root());
        return moved;
    }

    private void move(String from, String to) throws StoreException, IOException {
        Files.move(layout.mailboxDir(from), layout.mailboxDir(to), StandardCopyOption.ATOMIC_MOVE);
        if (layout.separateControl() && Files.isDirectory(layout.controlDir(from))) {
            Files.move(layout.controlDir(from), layout.controlDir(to), StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
