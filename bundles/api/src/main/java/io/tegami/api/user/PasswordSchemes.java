package io.tegami.api.user;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Dovecot's password schemes ({@code {SHA512-CRYPT}$6$...}, {@code {ARGON2ID}$argon2id$...},
 * {@code {CRAM-MD5}...}): generating and checking stored passwords, as {@code doveadm pw} does.
 * The user directory that stores passwords offers it; the console uses it.
 */
@ProviderType
public interface PasswordSchemes {

    /** The schemes known, in the order {@code doveadm pw -l} lists them. */
    List<String> schemes();

    /** The scheme for new passwords: the {@code default_pass_scheme} parameter, if it names a known scheme. */
    String defaultScheme();

    /**
     * Hashes a password.
     *
     * @param scheme a scheme name, any case, optionally with an encoding suffix ({@code SHA256.HEX})
     * @param user the user name, for schemes that mix it in ({@code DIGEST-MD5}); may be null otherwise
     * @param rounds the cost ({@code doveadm pw -r}): rounds, or log2 rounds for {@code BLF-CRYPT};
     *        0 for the scheme's default
     * @return the stored form, {@code {SCHEME}data}, with the scheme name in upper case
     * @throws IllegalArgumentException for an unknown scheme, or a scheme that needs a missing user
     */
    String generate(String scheme, char[] password, String user, int rounds);

    /**
     * Checks a password against a stored value: {@code {SCHEME}data}, or a bare {@code $1$...}
     * MD5-CRYPT string.
     *
     * @param user the user name, for schemes that mix it in; may be null otherwise
     * @return whether the password matches
     * @throws IllegalArgumentException when the stored value cannot be read (unknown scheme, bad
     *         encoding, wrong length); the message says why, in Dovecot's words
     */
    boolean verify(String stored, char[] password, String user);
}
