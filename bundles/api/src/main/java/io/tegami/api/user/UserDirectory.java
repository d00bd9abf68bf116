package io.tegami.api.user;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Looks users up and checks their passwords (a Dovecot passdb and userdb in one).
 *
 * <p>Lookups are called from protocol sessions and delivery threads, which may block; they should
 * be fast (a cached file, an indexed table).
 */
@ConsumerType
public interface UserDirectory {

    /** Service property: the directory's type ({@code passwd-file}, {@code ldap}...). */
    String TYPE = "type";

    /**
     * Finds a user by login name.
     *
     * @throws DirectoryException if the directory cannot be read (a temporary failure)
     */
    Optional<User> lookup(String name) throws DirectoryException;

    /**
     * Checks a plaintext password (SASL PLAIN, LOGIN, IMAP LOGIN, POP3 USER/PASS).
     *
     * @return the user if the password is right; empty for an unknown user or a wrong password,
     *         which callers must not tell apart in their replies
     * @throws DirectoryException if the directory cannot be read
     */
    Optional<User> authenticate(String name, char[] password) throws DirectoryException;
}
