package io.tegami.webconsole;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;

/**
 * What the Web Console's configuration looks like before and after its password is set: the
 * {@code password} property (a hash), the {@code username} kept or set to {@value #DEFAULT_USER},
 * every other property kept.
 */
final class PasswordSetup {

    static final String PASSWORD = "password";
    static final String USERNAME = "username";
    static final String DEFAULT_USER = "admin";

    private PasswordSetup() {
    }

    /** Whether the configuration (null if there is none yet) has a non-empty password. */
    static boolean hasPassword(Dictionary<String, Object> props) {
        Object p = props == null ? null : props.get(PASSWORD);
        return p != null && !p.toString().isBlank();
    }

    /** The configuration's user name, or the console's default. */
    static String user(Dictionary<String, Object> props) {
        Object u = props == null ? null : props.get(USERNAME);
        return u == null || u.toString().isBlank() ? DEFAULT_USER : u.toString();
    }

    /** A copy of {@code current} (null for none) with {@code hash} as the password and a user name. */
    static Hashtable<String, Object> withPassword(Dictionary<String, Object> current, String hash) {
        Hashtable<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                next.put(k, current.get(k));
            }
        }
        next.put(USERNAME, user(current));
        next.put(PASSWORD, hash);
        return next;
    }
}
