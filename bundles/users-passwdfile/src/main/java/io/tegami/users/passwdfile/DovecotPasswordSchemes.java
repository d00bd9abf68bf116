package io.tegami.users.passwdfile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.user.PasswordSchemes;

/**
 * The {@link PasswordSchemes} service: Dovecot's schemes for {@code doveadm pw} and for the
 * passwords {@code useradd} and {@code passwd} write. New passwords use {@code default_pass_scheme}
 * (SHA512-CRYPT unless configured; ARGON2ID is the stronger choice when only Dovecot 2.3+ and
 * Tegami read the file).
 */
@Component(service = PasswordSchemes.class)
public final class DovecotPasswordSchemes implements PasswordSchemes {

    /** The parameter naming the scheme of new passwords (Dovecot's passdb setting of that name). */
    static final String DEFAULT_PASS_SCHEME = "default_pass_scheme";
    static final String FALLBACK_SCHEME = "SHA512-CRYPT";
    private static final Logger LOG = LoggerFactory.getLogger(DovecotPasswordSchemes.class);
    /** Bad configured values are logged once each. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final MailParameters params;

    @Activate
    public DovecotPasswordSchemes(@Reference(name = "params") MailParameters params) {
        this.params = params;
    }

    @Override
    public List<String> schemes() {
        return SchemeTable.names();
    }

    @Override
    public String defaultScheme() {
        return defaultScheme(params);
    }

    /** The configured scheme for new passwords, upper case; SHA512-CRYPT if unset or unknown. */
    static String defaultScheme(MailParameters params) {
        String configured = params.get(DEFAULT_PASS_SCHEME).map(String::trim).orElse("");
        if (configured.isEmpty()) {
            return FALLBACK_SCHEME;
        }
        SchemeTable.Lookup l = SchemeTable.lookup(configured);
        if (l == null || l.scheme() instanceof DigestMd5Scheme) {
            // DIGEST-MD5 needs the user name mixed in; useradd could do it, but the value would
            // silently break on a rename, so it is no default.
            if (WARNED.add(configured)) {
                LOG.warn("{} = {} cannot be used for new passwords; using {}", DEFAULT_PASS_SCHEME, configured,
                        FALLBACK_SCHEME);
            }
            return FALLBACK_SCHEME;
        }
        return configured.toUpperCase(Locale.ROOT);
    }

    @Override
    public String generate(String scheme, char[] password, String user, int rounds) {
        byte[] secret = utf8(password);
        try {
            return "{" + scheme.toUpperCase(Locale.ROOT) + "}"
                    + SchemeTable.generate(scheme, secret, new Scheme.Params(user, rounds));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public boolean verify(String stored, char[] password, String user) {
        StoredPassword sp = StoredPassword.parseTagged(stored);
        if (sp == null) {
            throw new IllegalArgumentException("Missing {scheme} prefix from hash");
        }
        byte[] secret = utf8(password);
        try {
            return SchemeTable.verify(sp.scheme(), sp.data(), secret, new Scheme.Params(user, 0));
        } catch (SchemeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** UTF-8 bytes of a password without an intermediate String that would linger in the heap. */
    static byte[] utf8(char[] password) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[bb.remaining()];
        bb.get(bytes);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return bytes;
    }
}
