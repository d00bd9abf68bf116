package io.tegami.users.passwdfile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;

/**
 * A passwd-file entry as a {@link User}, the way Dovecot's passwd-file userdb builds one: the uid,
 * gid and home fields, overridden by the {@code userdb_uid}, {@code userdb_gid} and
 * {@code userdb_home} extra fields; an empty home means {@code mail_home}.
 */
final class UserMapping {

    /** Where users without a home of their own live ({@code mail_home}). */
    @FunctionalInterface
    interface MailHome {
        Path of(String user) throws DirectoryException;
    }

    private UserMapping() {
    }

    /**
     * @param base what a relative home is resolved against (Tegami's home directory)
     * @param mailHome the home from {@code mail_home}, for entries without one
     */
    static User toUser(PasswdEntry e, Path base, MailHome mailHome) throws DirectoryException {
        String homeText = e.fields().getOrDefault("userdb_home", e.home());
        Path home;
        if (homeText.isEmpty()) {
            home = mailHome.of(e.name());
        } else {
            try {
                Path p = Path.of(homeText);
                home = (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
            } catch (InvalidPathException ex) {
                throw new DirectoryException("user " + e.name() + " has an invalid home " + homeText, ex);
            }
        }
        return new User(e.name(), id(e.fields().get("userdb_uid"), e.uid()), id(e.fields().get("userdb_gid"), e.gid()),
                home, e.fields());
    }

    private static int id(String override, int field) {
        if (override == null) {
            return field;
        }
        try {
            return Integer.parseInt(override.trim());
        } catch (NumberFormatException e) {
            return field; // a system user name: Tegami keeps numeric ids only
        }
    }
}
