package io.tegami.api.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LIST attributes as IMAP spells them (RFC 3501, RFC 3348 child info, RFC 5258, RFC 6154
 * special-use), and the special-use rule both stores share.
 *
 * <p>Special use comes from configuration when there is any (the {@code mailbox_special_use}
 * parameter, {@code Name=\Attribute} pairs separated by commas, as Dovecot's
 * {@code mailbox NAME { special_use = ... }} blocks say it), else from the names clients
 * conventionally use ({@link #BY_NAME}), matched without case, at the top level or directly under
 * INBOX.
 */
public final class MailboxAttributes {

    public static final String NOSELECT = "\\Noselect";
    public static final String NONEXISTENT = "\\NonExistent";
    public static final String HAS_CHILDREN = "\\HasChildren";
    public static final String HAS_NO_CHILDREN = "\\HasNoChildren";
    public static final String MARKED = "\\Marked";
    public static final String UNMARKED = "\\Unmarked";
    public static final String SUBSCRIBED = "\\Subscribed";

    public static final String ALL = "\\All";
    public static final String ARCHIVE = "\\Archive";
    public static final String DRAFTS = "\\Drafts";
    public static final String FLAGGED = "\\Flagged";
    public static final String JUNK = "\\Junk";
    public static final String SENT = "\\Sent";
    public static final String TRASH = "\\Trash";

    /** The RFC 6154 special-use attributes. */
    public static final Set<String> SPECIAL_USE = Set.of(ALL, ARCHIVE, DRAFTS, FLAGGED, JUNK, SENT, TRASH);

    /** The conventional names, lower case, and their special use. */
    public static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("sent", SENT), Map.entry("sent messages", SENT), Map.entry("sent items", SENT),
            Map.entry("sent mail", SENT), Map.entry("drafts", DRAFTS), Map.entry("trash", TRASH),
            Map.entry("deleted messages", TRASH), Map.entry("deleted items", TRASH), Map.entry("junk", JUNK),
            Map.entry("spam", JUNK), Map.entry("archive", ARCHIVE), Map.entry("archives", ARCHIVE));

    private MailboxAttributes() {
    }

    /**
     * The special-use attribute of a folder, or null.
     *
     * @param name a normalized name
     * @param delimiter the session's delimiter
     * @param configured names to attributes from {@link #parseSpecialUse}; when not empty they
     *        replace the conventional names
     */
    public static String specialUse(String name, char delimiter, Map<String, String> configured) {
        if (!configured.isEmpty()) {
            return configured.get(name);
        }
        String n = name;
        String inboxPrefix = MailboxSession.INBOX + delimiter;
        if (n.startsWith(inboxPrefix)) {
            n = n.substring(inboxPrefix.length());
        }
        if (n.indexOf(delimiter) >= 0) {
            return null;
        }
        return BY_NAME.get(n.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a {@code mailbox_special_use} value such as {@code Sent=\Sent, Sent Items=\Sent,
     * Drafts=\Drafts}. Entries that are not {@code name=\Attribute} with a special-use attribute
     * are skipped.
     *
     * @return names to attributes, in the order given; empty for a null or blank value
     */
    public static Map<String, String> parseSpecialUse(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (String entry : value.split(",")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = entry.substring(0, eq).trim();
            String attr = entry.substring(eq + 1).trim();
            for (String known : SPECIAL_USE) {
                if (known.equalsIgnoreCase(attr) && !name.isEmpty()) {
                    out.put(name, known);
                }
            }
        }
        return out;
    }
}
