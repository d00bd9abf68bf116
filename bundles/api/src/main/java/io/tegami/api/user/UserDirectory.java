package io.tegami.api.user;

import java.net.InetAddress;
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

    /**
     * Checks a plaintext password for a client at {@code client}, so that per-user restrictions
     * such as Dovecot's {@code allow_nets} and {@code nologin} extra fields apply. Directories
     * without such restrictions need not override it.
     *
     * @param client the client's address, or {@code null} when unknown (local tools)
     */
    default Optional<User> authenticate(String name, char[] password, InetAddress client) throws DirectoryException {
        return authenticate(name, password);
    }

    /**
     * The user's stored credential in {@code scheme}, for SASL mechanisms that cannot work from a
     * plaintext password check: for {@code CRAM-MD5}, Dovecot's 64-hex-digit HMAC-MD5 context,
     * derived from a {@code {PLAIN}} password or stored as {@code {CRAM-MD5}}.
     *
     * @param scheme a Dovecot scheme name, upper case ({@code CRAM-MD5}, {@code PLAIN})
     * @return the credential without its {@code {SCHEME}} prefix, or empty when the user does not
     *         exist or the stored password cannot give that scheme (a one-way hash)
     * @throws DirectoryException if the directory cannot be read
     */
    default Optional<String> credentials(String name, String scheme) throws DirectoryException {
        return Optional.empty();
    }
}
