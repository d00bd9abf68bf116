package io.tegami.users.passwdfile;

import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored password turned into the credentials a SASL mechanism asks for, as Dovecot's passdb
 * credential lookups do: the stored value itself when it is in the requested scheme (or an alias:
 * CRAM-MD5/HMAC-MD5, PLAIN/CLEAR/CLEARTEXT), re-encoded in that scheme's default encoding;
 * derived from a plaintext password otherwise; nothing from a one-way hash of another scheme.
 */
final class Credentials {

    private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);

    private Credentials() {
    }

    /**
     * @param user the login name (DIGEST-MD5 mixes it in)
     * @param stored the user's stored password
     * @param requested the wanted scheme, e.g. {@code CRAM-MD5}
     */
    static Optional<String> of(String user, StoredPassword stored, String requested) {
        SchemeTable.Lookup want = SchemeTable.lookup(requested);
        SchemeTable.Lookup have = SchemeTable.lookup(stored.scheme());
        if (want == null || have == null) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = SchemeTable.decode(stored.data(), have.scheme(), have.explicitEncoding() ? have.encoding() : null);
        } catch (SchemeException e) {
            LOG.warn("passwd-file({}): cannot read the stored {} password: {}", user, stored.scheme(), e.getMessage());
            return Optional.empty();
        }
        try {
            if (sameKind(have.scheme(), want.scheme())) {
                return Optional.of(SchemeTable.encode(raw, want.encoding()));
            }
            if (have.scheme() instanceof PlainScheme) {
                try {
                    return Optional.of(SchemeTable.generate(requested, raw, new Scheme.Params(user, 0)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Schemes whose raw values are interchangeable. */
    private static boolean sameKind(Scheme a, Scheme b) {
        return a.equals(b) || (a instanceof PlainScheme && b instanceof PlainScheme)
                || (a instanceof CramMd5Scheme && b instanceof CramMd5Scheme);
    }
}
