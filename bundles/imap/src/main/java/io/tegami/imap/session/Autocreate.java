package io.tegami.imap.session;

import java.util.List;
import java.util.Locale;

import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * Dovecot's {@code auto = subscribe} mailboxes: at login, the folders named by
 * {@code mailbox_autocreate} (Drafts, Sent, Trash, Junk by default) are created and subscribed
 * when missing, so a new user's client finds its special-use folders (RFC 6154) in place. The
 * store derives their special use from the names (or {@code mailbox_special_use}).
 */
final class Autocreate {

    private Autocreate() {
    }

    static void run(MailboxSession mailboxes, ImapSettings settings) {
        List<String> wanted = settings.autocreate();
        if (wanted.isEmpty()) {
            return;
        }
        try {
            List<MailboxInfo> existing = mailboxes.list();
            for (String name : wanted) {
                boolean present = existing.stream()
                        .anyMatch(m -> m.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) && m.selectable());
                if (!present) {
                    try {
                        mailboxes.create(name);
                        mailboxes.subscribe(name);
                    } catch (StoreException e) {
                        if (e.reason() != StoreException.Reason.ALREADY_EXISTS) {
                            ImapLog.userWarn(mailboxes.user().name(), "cannot create mailbox " + name + ": " + e.getMessage());
                        }
                    }
                }
            }
        } catch (StoreException | RuntimeException e) {
            ImapLog.userWarn(mailboxes.user().name(), "cannot list mailboxes: " + e);
        }
    }
}
