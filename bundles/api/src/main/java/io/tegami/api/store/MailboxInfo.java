package io.tegami.api.store;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@link MailboxSession#list()}.
 *
 * @param name the normalized Unicode name
 * @param attributes the LIST attributes ({@link MailboxAttributes} constants, IMAP spelling)
 */
public record MailboxInfo(String name, Set<String> attributes) {

    public MailboxInfo {
        Objects.requireNonNull(name, "name");
        attributes = Set.copyOf(attributes);
    }

    /** Whether the name can be opened (it is not a {@code \Noselect} placeholder). */
    public boolean selectable() {
        return !attributes.contains(MailboxAttributes.NOSELECT) && !attributes.contains(MailboxAttributes.NONEXISTENT);
    }

    /** The special-use attribute ({@code \Sent}...), or null. */
    public String specialUse() {
        for (String a : attributes) {
            if (MailboxAttributes.SPECIAL_USE.contains(a)) {
                return a;
            }
        }
        return null;
    }
}
