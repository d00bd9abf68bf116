package io.tegami.store.maildir;

import java.io.IOException;
import java.util.Optional;

import io.tegami.api.config.MailParameters;
import io.tegami.api.store.Quota;
import io.tegami.api.store.QuotaRules;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's Maildir++ quota: Dovecot's rules ({@link QuotaRules}) over the usage kept in
 * {@code maildirsize} ({@link MaildirSizeFile}), with Dovecot's {@code maildirquota_refresh()}
 * logic deciding when the file is trusted and when the mail is counted again
 * ({@link MaildirSizeCounter}). Saves are checked before their file is moved into place and
 * appended to the file after; expunges append negative lines. Used by one session's thread.
 */
final class MaildirQuota {

    private static final Logger LOG = LoggerFactory.getLogger(MaildirQuota.class);

    private final QuotaRules rules;
    private final String broken;
    private final MaildirLayout layout;
    private final MaildirSizeFile file;

    private MaildirQuota(QuotaRules rules, String broken, MaildirLayout layout) {
        this.rules = rules;
        this.broken = broken;
        this.layout = layout;
        this.file = new MaildirSizeFile(layout.separateControl() ? layout.controlRoot() : layout.root());
    }

    /** The quota of {@code user}; a broken rule gives a quota whose every use fails (temporarily). */
    static MaildirQuota of(User user, MailParameters params, MaildirLayout layout) {
        try {
            return new MaildirQuota(QuotaRules.forUser(user, params), null, layout);
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.error("quota: {}: invalid quota setting: {}", user.name(), e.getMessage());
            return new MaildirQuota(QuotaRules.NONE, e.getMessage(), layout);
        }
    }

    /** A quota from given rules (tests). */
    static MaildirQuota of(QuotaRules rules, MaildirLayout layout) {
        return new MaildirQuota(rules, null, layout);
    }

    boolean enabled() {
        return broken != null || rules.enabled();
    }

    private void ensureValid() throws StoreException {
        if (broken != null) {
            throw new StoreException(StoreException.Reason.IO, "Invalid quota setting: " + broken);
        }
    }

    /** The usage and limits for GETQUOTA, or empty without a quota. */
    Optional<Quota> report() throws StoreException {
        ensureValid();
        if (!rules.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(usage());
        } catch (IOException e) {
            throw FsSupport.failure("reading " + MaildirSizeFile.NAME, e);
        }
    }

    /** doveadm quota recalc: counts again whatever the file says ({@link MaildirQuotaRecalc}); empty without a quota. */
    Optional<Quota> recalculate() throws StoreException {
        ensureValid();
        if (!rules.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MaildirQuotaRecalc.run(rules, layout, file));
        } catch (IOException e) {
            throw FsSupport.failure("recalculating " + MaildirSizeFile.NAME, e);
        }
    }

    /** The usage now, counted again when the file cannot be trusted (and then written down). */
    Quota usage() throws IOException {
        long bytesLimit = rules.bytesLimit();
        long messagesLimit = rules.messagesLimit();
        MaildirSizeFile.Contents c = file.read();
        if (c != null && (c.bytesLimit() != bytesLimit || c.messagesLimit() != messagesLimit)) {
            if (rules.forced()) {
                c = null; // our limits changed: the file is rewritten with them
            } else {
                bytesLimit = c.bytesLimit(); // "?": the file's own limits, as another tool set them
                messagesLimit = c.messagesLimit();
            }
        }
        if (c != null && c.over(bytesLimit, messagesLimit)
                && (c.lines() > 1 || c.ageSeconds() > MaildirSizeFile.STALE_SECONDS)) {
            c = null; // never refuse mail on the strength of stale sums
        }
        if (c != null) {
            return new Quota(rules.root(), c.bytes(), bytesLimit, c.messages(), messagesLimit);
        }
        if (bytesLimit == 0 && messagesLimit == 0 && !rules.forced()) {
            return new Quota(rules.root(), 0, 0, 0, 0); // no limits anywhere: nothing to keep
        }
        MaildirSizeCounter.Count n = MaildirSizeCounter.count(layout, rules::ignored);
        if (n.settled()) {
            file.write(bytesLimit, messagesLimit, n.bytes(), n.messages());
        } else if (rules.forced()) {
            file.discard(); // changed while counted: whoever looks next counts again
        }
        return new Quota(rules.root(), n.bytes(), bytesLimit, n.messages(), messagesLimit);
    }

    /**
     * Refuses {@code bytes} in {@code messages} new messages for {@code mailbox} if they do not
     * fit ({@link QuotaRules#check}); a delivery gets {@code quota_grace}.
     */
    void check(String mailbox, long bytes, long messages, boolean delivery) throws StoreException {
        ensureValid();
        if (!rules.enabled() || !rules.enforcing() || rules.ignored(mailbox)) {
            return;
        }
        Quota now;
        try {
            now = usage();
        } catch (IOException e) {
            throw FsSupport.failure("reading " + MaildirSizeFile.NAME, e);
        }
        rules.check(now, mailbox, bytes, messages, delivery);
    }

    /** Whether messages moved from {@code from} to {@code to} need a check (out of an ignored mailbox). */
    boolean moveNeedsCheck(String from, String to) {
        return rules.ignored(from) && !rules.ignored(to);
    }

    /**
     * Records that {@code mailbox} gained (or, negative, lost) bytes and messages. A failure is
     * logged, not raised: the mail is saved or gone already, and the file is recounted in time.
     */
    void changed(String mailbox, long bytes, long messages) {
        if (broken != null || !rules.enabled() || rules.ignored(mailbox) || (bytes == 0 && messages == 0)) {
            return;
        }
        try {
            if (!file.append(bytes, messages)) {
                usage(); // no file: a count now includes this change
            }
        } catch (IOException e) {
            LOG.warn("quota: updating {} failed: {}", file.path(), e.toString());
        }
    }
}
