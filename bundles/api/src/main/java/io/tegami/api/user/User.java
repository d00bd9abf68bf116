package io.tegami.api.user;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A mail user, as a Dovecot passdb/userdb entry describes one.
 *
 * @param name the login name ({@code alice})
 * @param uid the system user id mail is stored as, or -1 if not set
 * @param gid the system group id, or -1 if not set
 * @param home the home directory; mail lives under it ({@code ~/Maildir})
 * @param fields extra userdb fields ({@code userdb_mail=...}, {@code quota_rule=...})
 */
public record User(String name, int uid, int gid, Path home, Map<String, String> fields) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
        fields = Map.copyOf(fields);
    }
}
