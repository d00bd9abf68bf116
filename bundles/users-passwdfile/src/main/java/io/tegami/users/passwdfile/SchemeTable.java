package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tegami.users.passwdfile.CryptScheme.Kind;
import io.tegami.users.passwdfile.Scheme.Encoding;

/**
 * The password schemes Dovecot 2.3 knows (all of {@code doveadm pw -l} but OTP), looked up by
 * case-insensitive name with an optional encoding suffix ({@code SHA256.HEX}, {@code SSHA.B64}),
 * and the encoding rules of Dovecot's {@code password-scheme.c}: fixed-length digests given
 * without a suffix are read as hex when the length is exactly twice the digest size and as base64
 * otherwise.
 */
final class SchemeTable {

    /** A scheme with the encoding its name asks for. */
    record Lookup(Scheme scheme, Encoding encoding, boolean explicitEncoding) {
    }

    private static final Map<String, Scheme> SCHEMES = new LinkedHashMap<>();

    static {
        register(new CryptScheme("SHA512-CRYPT", Kind.SHA512));
        register(new CryptScheme("SHA256-CRYPT", Kind.SHA256));
        register(new CryptScheme("BLF-CRYPT", Kind.BCRYPT));
        register(new Argon2Scheme("ARGON2ID"));
        register(new Argon2Scheme("ARGON2I"));
        register(new CryptScheme("CRYPT", Kind.BCRYPT));
        register(new CryptScheme("MD5-CRYPT", Kind.MD5));
        register(new CryptScheme("DES-CRYPT", Kind.DES));
        register(new CryptScheme("MD5", Kind.MD5));
        register(new Pbkdf2Scheme());
        register(new ScramScheme("SCRAM-SHA-1", false));
        register(new ScramScheme("SCRAM-SHA-256", true));
        register(DigestScheme.salted("SSHA512", "SHA-512", 64));
        register(DigestScheme.salted("SSHA256", "SHA-256", 32));
        register(DigestScheme.salted("SSHA", "SHA-1", 20));
        register(DigestScheme.salted("SMD5", "MD5", 16));
        register(DigestScheme.plain("SHA512", "SHA-512", 64, Encoding.BASE64));
        register(DigestScheme.plain("SHA256", "SHA-256", 32, Encoding.BASE64));
        register(DigestScheme.plain("SHA", "SHA-1", 20, Encoding.BASE64));
        register(DigestScheme.plain("SHA1", "SHA-1", 20, Encoding.BASE64));
        register(DigestScheme.plain("PLAIN-MD5", "MD5", 16, Encoding.HEX));
        register(DigestScheme.plain("LDAP-MD5", "MD5", 16, Encoding.BASE64));
        register(DigestScheme.plain("PLAIN-MD4", "MD4", 16, Encoding.HEX));
        register(new CramMd5Scheme("CRAM-MD5"));
        register(new CramMd5Scheme("HMAC-MD5"));
        register(new DigestMd5Scheme());
        register(new PlainScheme("PLAIN"));
        register(new PlainScheme("CLEAR"));
        register(new PlainScheme("CLEARTEXT"));
        register(new PlainTruncScheme());
    }

    private SchemeTable() {
    }

    private static void register(Scheme scheme) {
        SCHEMES.put(scheme.name(), scheme);
    }

    /** Every scheme name, strongest kinds first. */
    static List<String> names() {
        return List.copyOf(SCHEMES.keySet());
    }

    /** Whether these schemes store the password itself. */
    static boolean isPlaintext(String scheme) {
        return SCHEMES.get(scheme) instanceof PlainScheme;
    }

    /**
     * Finds a scheme by a name such as {@code ssha256}, {@code SHA256.HEX} or {@code CRAM-MD5.b64}.
     *
     * @return null for an unknown scheme or encoding suffix
     */
    static Lookup lookup(String name) {
        String base = name;
        String suffix = null;
        int dot = name.indexOf('.');
        if (dot >= 0) {
            base = name.substring(0, dot);
            suffix = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
        Scheme scheme = SCHEMES.get(base.toUpperCase(Locale.ROOT));
        if (scheme == null) {
            return null;
        }
        if (suffix == null) {
            return new Lookup(scheme, scheme.encoding(), false);
        }
        return switch (suffix) {
            case "b64", "base64" -> new Lookup(scheme, Encoding.BASE64, true);
            case "hex" -> new Lookup(scheme, Encoding.HEX, true);
            default -> null;
        };
    }

    /**
     * A new hash in the scheme's text form, without the {@code {SCHEME}} prefix.
     *
     * @throws IllegalArgumentException for an unknown scheme or unsuitable parameters
     */
    static String generate(String schemeName, byte[] password, Scheme.Params params) {
        Lookup l = lookup(schemeName);
        if (l == null) {
            throw new IllegalArgumentException("Unknown scheme: " + schemeName.toUpperCase(Locale.ROOT));
        }
        return encode(l.scheme().generate(password, params), l.encoding());
    }

    /** Raw bytes in an encoding. */
    static String encode(byte[] raw, Encoding encoding) {
        return switch (encoding) {
            case NONE -> new String(raw, StandardCharsets.UTF_8);
            case HEX -> HexFormat.of().formatHex(raw);
            case BASE64 -> Base64.getEncoder().encodeToString(raw);
        };
    }

    /**
     * The raw bytes of a stored value ({@code password_decode()}).
     *
     * @param text the value without its {@code {SCHEME}} prefix
     * @param scheme the scheme
     * @param explicit the encoding a suffix asked for, or null to use the scheme's and guess
     * @throws SchemeException for data that does not decode or has the wrong length
     */
    static byte[] decode(String text, Scheme scheme, Encoding explicit) throws SchemeException {
        Encoding encoding = explicit == null ? scheme.encoding() : explicit;
        boolean guessed = false;
        if (explicit == null && encoding != Encoding.NONE && scheme.rawLength() != 0) {
            // Dovecot guesses: hex when exactly twice the digest size, base64 otherwise.
            encoding = text.length() == scheme.rawLength() * 2 ? Encoding.HEX : Encoding.BASE64;
            guessed = true;
        }
        byte[] raw = switch (encoding) {
            case NONE -> text.getBytes(StandardCharsets.UTF_8);
            case HEX -> hex(text, guessed);
            case BASE64 -> base64(text);
        };
        if (scheme.rawLength() != 0 && raw.length != scheme.rawLength()) {
            throw new SchemeException("Input length isn't valid (" + raw.length + " instead of "
                    + scheme.rawLength() + ")");
        }
        return raw;
    }

    private static byte[] hex(String text, boolean guessed) throws SchemeException {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            if (!guessed) {
                throw new SchemeException("Input isn't valid HEX encoded data");
            }
            return base64(text); // some lengths fit both encodings
        }
    }

    private static byte[] base64(String text) throws SchemeException {
        try {
            if (text.length() % 4 != 0) {
                throw new IllegalArgumentException(); // Java would accept a missing '=', Dovecot does not
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SchemeException("Input isn't valid base64 encoded data");
        }
    }

    /**
     * Checks a password against a stored value already split into scheme name and data.
     *
     * @throws SchemeException when the value cannot be read
     */
    static boolean verify(String schemeName, String data, byte[] password, Scheme.Params params)
            throws SchemeException {
        Lookup l = lookup(schemeName);
        if (l == null) {
            throw new SchemeException("Unknown scheme");
        }
        byte[] raw = decode(data, l.scheme(), l.explicitEncoding() ? l.encoding() : null);
        try {
            return l.scheme().verify(password, params, raw);
        } catch (IllegalArgumentException e) {
            throw new SchemeException(e.getMessage()); // DIGEST-MD5 without a user name
        }
    }
}
