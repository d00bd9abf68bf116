package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Set;

import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link io.tegami.api.store.Mailbox#deliver}: a message dropped into the folder the way Postfix's
 * local(8) and virtual(8), procmail and Dovecot's LDA without an index do it, in three steps that
 * take no lock: write and fsync {@code tmp/<unique>}, rename it into {@code new/} (or {@code cur/}
 * with flags), fsync that directory ({@link GroupFsync grouped} with concurrent deliveries). The
 * {@code dovecot-uidlist} is not touched: whoever syncs the folder next (an IMAP or POP3 session of
 * Tegami, or Dovecot) numbers the message as it numbers any file another program delivered.
 *
 * <p>That is what lets deliveries to one mailbox run side by side: numbering takes the uidlist
 * dot-lock and rewrites the list and the modseq log, with three more fsyncs, one delivery at a
 * time. Handles of this JVM that listen (an IMAP IDLE) are still told at once: the delivery then
 * syncs under the folder lock, and deliveries that wait for that lock at the same time are covered
 * by one sync ({@link FolderState#announce}).
 */
final class MaildirDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MaildirDelivery.class);

    private MaildirDelivery() {
    }

    /**
     * Delivers into the folder of {@code box}.
     *
     * @param letters the Maildir info letters of the flags (system flags only; empty for a new message)
     */
    static void deliver(MaildirMailbox box, InputStream content, String letters, Instant date, GroupFsync dirs)
            throws StoreException {
        FolderState st = box.state();
        String unique = UniqueNames.next(Instant.now());
        Path tmp = st.maildir.resolve("tmp").resolve(unique);
        boolean placed = false;
        long size = 0;
        try {
            MessageFileWriter.Sizes sizes = MessageFileWriter.write(tmp, content, date);
            box.quota().check(box.name(), sizes.size(), 1, true);
            size = sizes.size();
            String base = UniqueNames.withSizes(unique, sizes.size(), sizes.vsize());
            MaildirScanner.Found target = letters.isEmpty() ? new MaildirScanner.Found(base, base, true)
                    : new MaildirScanner.Found(base, base + ":2," + letters, false);
            Path dest = target.path(st.maildir);
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            placed = true;
            dirs.sync(dest.getParent());
        } catch (IOException e) {
            throw FsSupport.failure(box.name() + ": delivery", e);
        } finally {
            if (!placed) {
                FolderWriter.deleteQuietly(tmp);
            }
        }
        box.quota().changed(box.name(), size, 1);
        if (st.othersListening(box)) {
            announce(box, st);
        }
    }

    /** Numbers the delivery now and tells the listening handles; a failure here loses nothing. */
    private static void announce(MaildirMailbox box, FolderState st) {
        long ticket = st.delivered();
        try {
            box.locked("announcing a delivery", () -> {
                st.announce(ticket);
                return null;
            });
        } catch (StoreException e) {
            // The message is durable in new/: the next sync finds it. Failing the delivery now
            // would only make the queue deliver it a second time.
            LOG.debug("{}: delivery not announced yet: {}", st.maildir, e.toString());
        }
    }
}
