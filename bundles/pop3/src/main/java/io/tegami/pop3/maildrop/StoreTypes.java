package io.tegami.pop3.maildrop;

import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.user.User;

/**
 * Which store holds a user's mail: the rule local delivery uses, so that POP3 reads where
 * delivery wrote. The prefix of Dovecot's {@code mail_location} ({@code maildir:~/Maildir} is
 * {@code maildir}, {@code mbox:~/mail:INBOX=/var/mail/%u} is {@code mbox}); the userdb's
 * {@code mail} field (passwd-file extra field {@code userdb_mail=...}) overrides it for that user.
 * A location without a prefix is a Maildir.
 */
public final class StoreTypes {

    static final String DEFAULT_LOCATION = "maildir:~/Maildir";

    private StoreTypes() {
    }

    /** The user's mail location: userdb {@code userdb_mail}, then {@code mail}, then {@code mail_location}. */
    public static String location(User user, MailParameters parameters) {
        for (String field : new String[] {"userdb_mail", "mail"}) {
            String own = user.fields().get(field);
            if (own != null && !own.isBlank()) {
                return own.trim();
            }
        }
        if (parameters == null) {
            return DEFAULT_LOCATION;
        }
        return parameters.get("mail_location").filter(s -> !s.isBlank()).map(String::trim).orElse(DEFAULT_LOCATION);
    }

    /** The store type ({@code MailStore.TYPE} value) of a location. */
    public static String type(String location) {
        int colon = location.indexOf(':');
        if (colon > 0) {
            String prefix = location.substring(0, colon);
            if (prefix.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c))) {
                return prefix.toLowerCase(Locale.ROOT);
            }
        }
        return "maildir";
    }

    /** The store type for a user. */
    public static String typeFor(User user, MailParameters parameters) {
        return type(location(user, parameters));
    }
}
