package io.tegami.api.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tegami.api.config.MailParameters;
import io.tegami.api.user.User;

/**
 * Which {@link MailStore} holds a user's mail: the one whose {@value MailStore#TYPE} is the prefix
 * of the user's mail location. Every component that reads or writes a user's mail (IMAP, POP3,
 * local delivery) must choose by this one rule, so that they all meet in the same folders.
 *
 * <p>The location is Dovecot's: the userdb {@code userdb_mail} field (a passwd-file extra field),
 * else its {@code mail} field, else the {@code mail_location} parameter, else
 * {@value #DEFAULT_LOCATION}. Its prefix before the first colon names the format
 * ({@code maildir:~/Maildir} is {@code maildir}, {@code mbox:~/mail:INBOX=/var/mail/%u} is
 * {@code mbox}); a location without one is a Maildir, the format Tegami ships with (Dovecot would
 * look at the disk). The store itself reads the rest of the location.
 *
 * <p>The static methods are the rule. An instance also keeps the store services bound right now,
 * for a component with a dynamic, multiple reference to {@link MailStore}: call {@link #add} from
 * the bind method, {@link #remove} from the unbind method and {@link #storeFor} at login.
 * Thread-safe.
 *
 * <p>This class reads {@link MailParameters} ({@code io.tegami.api.config}), a package that
 * depends on nothing else in the API, so the dependency runs one way only.
 *
 * @since 2.1
 */
public final class StoreSelection {

    /** The location when neither the user nor {@code mail_location} names one. */
    public static final String DEFAULT_LOCATION = "maildir:~/Maildir";

    /** The type of a location without a prefix. */
    public static final String DEFAULT_TYPE = "maildir";

    private static final String[] USER_FIELDS = {"userdb_mail", "mail"};

    private record Binding(MailStore store, String type) {
    }

    private final List<Binding> stores = new CopyOnWriteArrayList<>();

    /**
     * The user's mail location: userdb {@code userdb_mail}, then {@code mail}, then
     * {@code mail_location}, then {@value #DEFAULT_LOCATION}; trimmed.
     *
     * @param parameters may be {@code null} (a component stopping): the user's field or the default
     */
    public static String location(User user, MailParameters parameters) {
        for (String field : USER_FIELDS) {
            String own = user.fields().get(field);
            if (own != null && !own.isBlank()) {
                return own.trim();
            }
        }
        String global = parameters == null ? null : parameters.get("mail_location").orElse(null);
        return global == null || global.isBlank() ? DEFAULT_LOCATION : global.trim();
    }

    /**
     * The store type of a location: its prefix (ASCII letters and digits) before the first colon,
     * lower case; {@value #DEFAULT_TYPE} when there is none.
     */
    public static String type(String location) {
        String format = MailLocation.parse(location).format();
        return format.isEmpty() ? DEFAULT_TYPE : format;
    }

    /** The store type for a user: {@code type(location(user, parameters))}. */
    public static String typeFor(User user, MailParameters parameters) {
        return type(location(user, parameters));
    }

    /**
     * A store service arrived. The newest comes first, so that a replacement bound before the old
     * one leaves is the one used.
     *
     * @param properties its service properties; {@value MailStore#TYPE} names the format
     */
    public void add(MailStore store, Map<String, ?> properties) {
        Object type = properties.get(MailStore.TYPE);
        stores.add(0, new Binding(store, type == null ? "" : type.toString().toLowerCase(Locale.ROOT)));
    }

    /** A store service went away. */
    public void remove(MailStore store) {
        stores.removeIf(b -> b.store() == store);
    }

    /** The bound store of {@code type} (lower case), or {@code null} if none is bound now. */
    public MailStore store(String type) {
        for (Binding b : stores) {
            if (b.type().equals(type)) {
                return b.store();
            }
        }
        return null;
    }

    /** The bound store that holds {@code user}'s mail, or {@code null} if it is not bound now. */
    public MailStore storeFor(User user, MailParameters parameters) {
        return store(typeFor(user, parameters));
    }
}
