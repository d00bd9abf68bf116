package io.tegami.webconsole;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection for the pages' POST actions. The Felix Web Console 5 has
 * none of its own, and a browser sends the console's Basic credentials with any request to it, a
 * forged cross-site form included. So every form carries a token (an HMAC of the logged-in user
 * under a secret made when the bundle starts, which another site cannot read or compute), and a
 * POST is refused unless it carries that token and, when the browser names the request's origin
 * ({@code Origin}, {@code Sec-Fetch-Site}), the origin is the console's own.
 */
final class CsrfGuard {

    /** The form field that carries the token. */
    static final String FIELD = "tegami-csrf";

    private final byte[] secret;

    CsrfGuard() {
        this(newSecret());
    }

    CsrfGuard(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The token of the forms shown to {@code user} (the console's login name; "" if unknown). */
    String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tag = mac.doFinal(("tegami-webconsole\0" + (user == null ? "" : user)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether a POST may act.
     *
     * @param user the logged-in user
     * @param token the form's token field, or null
     * @param origin the {@code Origin} header, or null
     * @param fetchSite the {@code Sec-Fetch-Site} header, or null
     * @param ownOrigin the console's origin as the request reached it ({@code http://127.0.0.1:8080})
     */
    boolean allows(String user, String token, String origin, String fetchSite, String ownOrigin) {
        if (token == null || !MessageDigest.isEqual(token(user).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        return fromOwnOrigin(origin, fetchSite, ownOrigin);
    }

    /**
     * Whether a request comes from the console's own pages, as far as the browser says: true when
     * it names no origin (not a browser, or an old one), false when {@code Sec-Fetch-Site} says
     * another site or {@code Origin} names another origin (or the opaque {@code null} one).
     */
    static boolean fromOwnOrigin(String origin, String fetchSite, String ownOrigin) {
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return false;
        }
        return origin == null || sameOrigin(origin, ownOrigin);
    }

    private static boolean sameOrigin(String origin, String ownOrigin) {
        try {
            URI a = URI.create(origin.trim());
            URI b = URI.create(ownOrigin);
            return a.getScheme() != null && a.getHost() != null
                    && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                    && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static byte[] newSecret() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return s;
    }
}
