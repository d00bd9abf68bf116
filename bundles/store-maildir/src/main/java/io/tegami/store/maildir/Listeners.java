package io.tegami.store.maildir;

import java.util.List;

import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MessageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a handle's listeners of changes, in the order IMAP announces them (expunges, then new
 * messages, then flags), so that one failing listener never keeps the others from hearing.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {
    }

    static void tell(List<MailboxListener> listeners, String mailbox, List<Long> expunged, List<MessageInfo> added,
            List<MessageInfo> flags) {
        for (MailboxListener l : listeners) {
            try {
                if (!expunged.isEmpty()) {
                    l.expunged(expunged);
                }
                if (!added.isEmpty()) {
                    l.added(added);
                }
                if (!flags.isEmpty()) {
                    l.flagsChanged(flags);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: mailbox listener {} failed: {}", mailbox, l, e.toString());
            }
        }
    }

    static void tellClosed(List<MailboxListener> listeners, String mailbox) {
        for (MailboxListener l : listeners) {
            try {
                l.closed();
            } catch (RuntimeException e) {
                LOG.warn("{}: mailbox listener {} failed: {}", mailbox, l, e.toString());
            }
        }
    }
}
