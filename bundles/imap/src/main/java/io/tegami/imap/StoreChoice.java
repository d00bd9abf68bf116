package io.tegami.imap;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tegami.api.config.MailParameters;
import io.tegami.api.store.MailStore;
import io.tegami.api.user.User;

/**
 * Which bound store holds a user's mail: the one whose {@code type} is the prefix of the user's
 * mail location: the userdb {@code userdb_mail} or {@code mail} field, else Dovecot's
 * {@code mail_location} ({@code maildir:~/Maildir} is {@code maildir}). The same rule as the
 * delivery bundle's, so that IMAP reads where delivery writes.
 */
final class StoreChoice {

    static final String DEFAULT_LOCATION = "maildir:~/Maildir";

    private record Binding(MailStore store, String type) {
    }

    private final List<Binding> stores = new CopyOnWriteArrayList<>();

    /** A store service arrived; newest first, so a replacement bound before the old one leaves wins. */
    void add(MailStore store, Object type) {
        stores.add(0, new Binding(store, type == null ? "" : type.toString().toLowerCase(Locale.ROOT)));
    }

    void remove(MailStore store) {
        stores.removeIf(b -> b.store() == store);
    }

    /** The store for {@code type}, or null. */
    MailStore store(String type) {
        for (Binding b : stores) {
            if (b.type().equals(type)) {
                return b.store();
            }
        }
        return null;
    }

    /** The user's mail location. */
    static String location(User user, MailParameters parameters) {
        for (String field : new String[] {"userdb_mail", "mail"}) {
            String own = user.fields().get(field);
            if (own != null && !own.isBlank()) {
                return own.trim();
            }
        }
        String global = parameters == null ? null : parameters.get("mail_location").orElse(null);
        return global == null || global.isBlank() ? DEFAULT_LOCATION : global.trim();
    }

    /** The store type of a location. */
    static String type(String location) {
        int colon = location.indexOf(':');
        if (colon > 0) {
            String prefix = location.substring(0, colon);
            if (prefix.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c))) {
                return prefix.toLowerCase(Locale.ROOT);
            }
        }
        return "maildir";
    }
}
