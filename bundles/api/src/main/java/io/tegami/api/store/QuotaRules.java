package io.tegami.api.store;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.config.MailParameters;
import io.tegami.api.user.User;

/**
 * A user's quota configuration, read the way Dovecot's quota plugin reads it, so that both
 * stores enforce the same limits:
 * <ul>
 * <li>{@code quota_rule}, {@code quota_rule2}, {@code quota_rule3} ... ({@link QuotaRule}), up to
 * the first one missing; none means no quota;</li>
 * <li>{@code quota_grace} (default {@value #DEFAULT_GRACE}): how far a delivery may take a user
 * who was under the storage limit beyond it (bytes with a unit, or {@code %} of the limit);
 * IMAP APPEND and COPY get no grace, as in Dovecot;</li>
 * <li>{@code quota} ({@code maildir:User quota[:noenforcing]}): the quota root's name (default
 * {@value #DEFAULT_ROOT}) and whether limits are enforced at all;</li>
 * <li>{@code quota_exceeded_message} (default {@link QuotaException#DEFAULT_MESSAGE}).</li>
 * </ul>
 * Each is read from the user's userdb fields first ({@code userdb_quota_rule} or
 * {@code quota_rule}, as a passwd-file's extra fields give them), then from the parameters, so
 * that a user can have a quota of their own.
 *
 * @since 2.2
 */
public final class QuotaRules {

    /** Dovecot's usual root name, from {@code quota = maildir:User quota}. */
    public static final String DEFAULT_ROOT = "User quota";
    /** Dovecot's default {@code quota_grace}. */
    public static final String DEFAULT_GRACE = "10%";

    /** No quota: nothing limited, nothing to keep up to date. */
    public static final QuotaRules NONE = new QuotaRules(DEFAULT_ROOT, true, List.of(), null, 0, 0,
            QuotaException.DEFAULT_MESSAGE);

    private final String root;
    private final boolean enforcing;
    private final List<QuotaRule> rules;
    private final QuotaRule defaultRule;
    private final long graceBytes;
    private final int gracePercent;
    private final String message;

    private QuotaRules(String root, boolean enforcing, List<QuotaRule> rules, QuotaRule defaultRule, long graceBytes,
            int gracePercent, String message) {
        this.root = root;
        this.enforcing = enforcing;
        this.rules = List.copyOf(rules);
        this.defaultRule = defaultRule;
        this.graceBytes = graceBytes;
        this.gracePercent = gracePercent;
        this.message = message;
    }

    /**
     * The rules for {@code user}.
     *
     * @param parameters may be null (a component stopping): the user's fields only
     * @throws IllegalArgumentException for a rule Dovecot would refuse (a user with a broken quota
     *         setting gets temporary failures, as with Dovecot, rather than no quota)
     */
    public static QuotaRules forUser(User user, MailParameters parameters) {
        List<String> defs = new ArrayList<>();
        for (int i = 1; ; i++) {
            String value = setting(user, parameters, i == 1 ? "quota_rule" : "quota_rule" + i);
            if (value == null) {
                break;
            }
            if (!value.isBlank()) {
                defs.add(value.trim());
            }
        }
        if (defs.isEmpty()) {
            return NONE;
        }
        return parse(setting(user, parameters, "quota"), defs, setting(user, parameters, "quota_grace"),
                setting(user, parameters, "quota_exceeded_message"));
    }

    private static String setting(User user, MailParameters parameters, String name) {
        String own = user.fields().get("userdb_" + name);
        if (own == null) {
            own = user.fields().get(name);
        }
        if (own != null) {
            return own;
        }
        return parameters == null ? null : parameters.get(name).orElse(null);
    }

    /**
     * Rules from their settings.
     *
     * @param quota the {@code quota} setting, or null
     * @param definitions the rules in order
     * @param grace the {@code quota_grace} setting, or null for {@value #DEFAULT_GRACE}
     * @param message the {@code quota_exceeded_message}, or null for the default
     */
    public static QuotaRules parse(String quota, List<String> definitions, String grace, String message) {
        String root = DEFAULT_ROOT;
        boolean enforcing = true;
        if (quota != null && !quota.isBlank()) {
            String[] parts = quota.trim().split(":", -1); // <backend>[:<name>[:<args>]]
            if (parts.length > 1 && !parts[1].isEmpty()) {
                root = parts[1];
            }
            for (int i = 2; i < parts.length; i++) {
                enforcing &= !parts[i].equals("noenforcing");
            }
        }
        List<QuotaRule> mailboxRules = new ArrayList<>();
        QuotaRule byDefault = null;
        boolean force = false;
        for (String d : definitions) {
            String mask = d.indexOf(':') < 0 ? d : d.substring(0, d.indexOf(':'));
            if (mask.equals("*") || mask.equals("?")) {
                // "*" and "?" update the one default rule; "*" anywhere makes it win over the backend's
                force |= mask.equals("*");
                byDefault = QuotaRule.parse(d, byDefault);
            } else {
                QuotaRule earlier = null;
                for (QuotaRule old : mailboxRules) {
                    if (old.mask().equals(mask.equalsIgnoreCase("INBOX") ? "INBOX" : mask)) {
                        earlier = old;
                    }
                }
                QuotaRule r = QuotaRule.parse(d, earlier);
                if (earlier != null) {
                    mailboxRules.set(mailboxRules.indexOf(earlier), r);
                } else {
                    mailboxRules.add(r);
                }
            }
        }
        if (byDefault != null) {
            byDefault = new QuotaRule(force ? "*" : "?", byDefault.ignore(), byDefault.bytes(), byDefault.messages(),
                    0, 0);
        }
        String g = grace == null || grace.isBlank() ? DEFAULT_GRACE : grace.trim();
        QuotaRule parsedGrace = QuotaRule.parse("grace:bytes=" + g);
        return new QuotaRules(root, enforcing, mailboxRules, byDefault, parsedGrace.bytes(), parsedGrace.bytesPercent(),
                message == null || message.isBlank() ? QuotaException.DEFAULT_MESSAGE : message);
    }

    /** Whether the user has a quota at all (some rule); only then is usage kept up to date. */
    public boolean enabled() {
        return defaultRule != null || !rules.isEmpty();
    }

    /** The quota root's name. */
    public String root() {
        return root;
    }

    /** Whether limits are enforced ({@code noenforcing} in the {@code quota} setting turns that off). */
    public boolean enforcing() {
        return enforcing;
    }

    /**
     * Whether the default rule is {@code *}: its limits win over a backend's (a
     * {@code maildirsize} file written with other limits is rewritten). With {@code ?} the
     * backend's limits, when it has any, are used.
     */
    public boolean forced() {
        return defaultRule != null && defaultRule.mask().equals("*");
    }

    /** The default storage limit in bytes, 0 for none. */
    public long bytesLimit() {
        return defaultRule == null ? 0 : defaultRule.bytes();
    }

    /** The default message limit, 0 for none. */
    public long messagesLimit() {
        return defaultRule == null ? 0 : defaultRule.messages();
    }

    /** The text a refused message gets. */
    public String message() {
        return message;
    }

    /** Whether {@code mailbox} is left out of the quota (a {@code <mask>:ignore} rule matches first). */
    public boolean ignored(String mailbox) {
        QuotaRule r = find(mailbox);
        return r != null && r.ignore();
    }

    /**
     * The limits that apply when saving into {@code mailbox}: the default ones, or those of a
     * backend ({@code maildirsize}), plus the first matching mailbox rule's (Dovecot's
     * {@code quota_root_get_rule_limits}). Each is 0 for none.
     *
     * @param defaultBytes the root's storage limit (usually {@link #bytesLimit()})
     * @param defaultMessages the root's message limit
     * @return bytes and messages
     */
    public long[] limits(String mailbox, long defaultBytes, long defaultMessages) {
        long bytes = defaultBytes;
        long count = defaultMessages;
        QuotaRule r = mailbox == null ? null : find(mailbox);
        if (r != null) {
            if (r.ignore()) {
                return new long[] {0, 0};
            }
            bytes += r.bytesPercent() != 0 ? defaultBytes * r.bytesPercent() / 100 : r.bytes();
            count += r.messagesPercent() != 0 ? defaultMessages * r.messagesPercent() / 100 : r.messages();
        }
        return new long[] {Math.max(0, bytes), Math.max(0, count)};
    }

    private QuotaRule find(String mailbox) {
        for (QuotaRule r : rules) {
            if (r.matches(mailbox)) {
                return r;
            }
        }
        return null;
    }

    /** How far a delivery may go beyond a storage limit of {@code bytesLimit} ({@code quota_grace}). */
    public long graceBytes(long bytesLimit) {
        return gracePercent != 0 ? bytesLimit * gracePercent / 100 : Math.max(0, graceBytes);
    }

    /**
     * Refuses to add {@code bytes} in {@code messages} messages to {@code mailbox} if that goes
     * over the limits, exactly as Dovecot's {@code quota_test_alloc()}: a user already at a limit
     * gets nothing more; one under the storage limit may add up to what is left, plus the grace
     * for a delivery.
     *
     * @param usage the usage now and the root's limits ({@link Quota#storageLimit()} and
     *        {@link Quota#messagesLimit()}, the rules' or the backend's)
     * @param delivery whether this is a delivery (LDA, LMTP), which gets {@code quota_grace}
     * @throws QuotaException if it does not fit
     */
    public void check(Quota usage, String mailbox, long bytes, long messages, boolean delivery) throws QuotaException {
        if (!enforcing || !enabled()) {
            return;
        }
        long[] limits = limits(mailbox, usage.storageLimit(), usage.messagesLimit());
        if (limits[0] > 0) {
            long left = limits[0] - usage.storageUsed();
            if (left <= 0 || bytes > left + (delivery ? graceBytes(limits[0]) : 0)) {
                throw new QuotaException(message);
            }
        }
        if (limits[1] > 0 && usage.messagesUsed() + messages > limits[1]) {
            throw new QuotaException(message);
        }
    }
}
