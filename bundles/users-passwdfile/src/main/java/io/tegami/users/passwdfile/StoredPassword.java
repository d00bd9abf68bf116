package io.tegami.users.passwdfile;

import java.util.Locale;

/**
 * A password as stored: the scheme and the data after {@code {SCHEME}}.
 *
 * @param scheme the scheme name as written, possibly with an encoding suffix ({@code ssha.hex})
 * @param data the hash, salt or plaintext, still encoded
 */
record StoredPassword(String scheme, String data) {

    /** The CRYPT-family names: a value stored without a prefix is read by its own {@code $id$}. */
    private static final java.util.Set<String> CRYPT_FAMILY =
            java.util.Set.of("CRYPT", "DES-CRYPT", "MD5-CRYPT", "SHA256-CRYPT", "SHA512-CRYPT", "BLF-CRYPT");

    /**
     * Reads a passdb value the way Dovecot's passdb does: {@code {SCHEME}data}, or, without a
     * prefix, data in the passdb's default scheme.
     *
     * @param defaultScheme {@code default_pass_scheme}; its CRYPT family (the default) means CRYPT,
     *        which reads any crypt string by its prefix, as Dovecot's passwd-file default does
     * @return null for an empty value, which never authenticates
     */
    static StoredPassword parse(String value, String defaultScheme) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.charAt(0) == '{') {
            int close = value.indexOf('}');
            if (close > 0) {
                return new StoredPassword(value.substring(1, close), value.substring(close + 1));
            }
        }
        String scheme = defaultScheme == null || defaultScheme.isBlank() ? "CRYPT" : defaultScheme.trim();
        if (CRYPT_FAMILY.contains(scheme.toUpperCase(Locale.ROOT))) {
            scheme = "CRYPT";
        }
        return new StoredPassword(scheme, value);
    }

    /**
     * Reads a hash given to {@code doveadm pw -t} ({@code password_get_scheme()}): {@code {SCHEME}data},
     * or a bare {@code $1$salt$hash} MD5-CRYPT string (anything after a further '$' is ignored).
     *
     * @return null when there is no scheme prefix
     */
    static StoredPassword parseTagged(String value) {
        if (value.startsWith("$1$")) {
            int saltEnd = value.indexOf('$', 3);
            if (saltEnd >= 0) {
                int end = value.indexOf('$', saltEnd + 1);
                return new StoredPassword("MD5-CRYPT", end < 0 ? value : value.substring(0, end));
            }
        }
        if (value.startsWith("{")) {
            int close = value.indexOf('}');
            if (close > 0) {
                return new StoredPassword(value.substring(1, close), value.substring(close + 1));
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "StoredPassword[" + scheme + "]"; // never the hash
    }
}
