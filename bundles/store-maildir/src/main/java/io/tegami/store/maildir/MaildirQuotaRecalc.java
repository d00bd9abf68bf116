package io.tegami.store.maildir;

import java.io.IOException;

import io.tegami.api.store.Quota;
import io.tegami.api.store.QuotaRules;

/**
 * {@code doveadm quota recalc} for Maildir++: what Dovecot's {@code maildirsize_recalculate()}
 * does. Every folder is counted again ({@link MaildirSizeCounter}, the same count the quota uses
 * when it stops trusting the file) whatever {@code maildirsize} says, and the file is replaced by
 * the limits and one summary line. If a folder changed while it was counted, the count is tried
 * again; if it still will not settle, the file is removed, as Dovecot removes it, so that the
 * next reader counts again.
 */
final class MaildirQuotaRecalc {

    /** Counts tried before giving up on a folder tree that keeps changing. */
    static final int ATTEMPTS = 3;

    private MaildirQuotaRecalc() {
    }

    /**
     * @param rules the user's quota rules (enabled)
     * @param layout the user's maildir
     * @param file its {@code maildirsize}
     * @return the usage counted and the limits written
     */
    static Quota run(QuotaRules rules, MaildirLayout layout, MaildirSizeFile file) throws IOException {
        long bytesLimit = rules.bytesLimit();
        long messagesLimit = rules.messagesLimit();
        if (!rules.forced()) {
            // "?" rules yield to the limits another tool wrote in the file, as usage() reads them.
            MaildirSizeFile.Contents c = file.read();
            if (c != null) {
                bytesLimit = c.bytesLimit();
                messagesLimit = c.messagesLimit();
            }
        }
        MaildirSizeCounter.Count n = null;
        for (int i = 0; i < ATTEMPTS && (n == null || !n.settled()); i++) {
            n = MaildirSizeCounter.count(layout, rules::ignored);
        }
        if (n.settled()) {
            file.write(bytesLimit, messagesLimit, n.bytes(), n.messages());
        } else {
            file.discard();
        }
        return new Quota(rules.root(), n.bytes(), bytesLimit, n.messages(), messagesLimit);
    }
}
