package io.tegami.users.passwdfile;

import java.util.Map;
import java.util.Objects;

/**
 * One user line of a Dovecot passwd-file:
 * {@code user:password:uid:gid:gecos:home:shell:extra_fields}.
 *
 * @param name the user name, matched exactly (case-sensitive, like Dovecot)
 * @param password the stored password, usually {@code {SCHEME}hash}; empty when the field is empty
 * @param uid the numeric uid, or -1 when the field is empty or not numeric
 * @param gid the numeric gid, or -1 when the field is empty or not numeric
 * @param home the home directory as written, or empty
 * @param fields the extra fields ({@code userdb_mail=maildir:~/Mail}), in file order; a key
 *        written without {@code =} maps to the empty string
 */
record PasswdEntry(String name, String password, int uid, int gid, String home, Map<String, String> fields) {

    PasswdEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(home, "home");
        fields = Map.copyOf(fields);
    }

    @Override
    public String toString() {
        // Never let a hash end up in a log line by accident.
        return "PasswdEntry[name=" + name + ", uid=" + uid + ", gid=" + gid + ", home=" + home + "]";
    }
}
