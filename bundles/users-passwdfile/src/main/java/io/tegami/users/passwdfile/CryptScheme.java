package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;

/**
 * The crypt(3) family: CRYPT, DES-CRYPT, MD5-CRYPT, SHA256-CRYPT, SHA512-CRYPT, BLF-CRYPT, and
 * MD5 (MD5-CRYPT, or a PLAIN-MD5 digest when the value is not a {@code $1$} string). As in
 * Dovecot, CRYPT, DES-CRYPT and the SHA-CRYPTs check any crypt string by its own prefix (glibc's
 * crypt() does the work there), while BLF-CRYPT and MD5-CRYPT accept only their own kind; the
 * name decides what is generated.
 *
 * @param name the scheme name
 * @param kind what {@link #generate} makes
 */
record CryptScheme(String name, Kind kind) implements Scheme {

    /** What a scheme generates. CRYPT makes bcrypt, as Dovecot 2.3 does. */
    enum Kind { BCRYPT, DES, MD5, SHA256, SHA512 }

    private static final Scheme PLAIN_MD5 = DigestScheme.plain("PLAIN-MD5", "MD5", 16, Encoding.HEX);

    @Override
    public Encoding encoding() {
        return Encoding.NONE;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        String crypted = switch (kind) {
            case BCRYPT -> CryptHashes.bcrypt(password, params.rounds());
            case DES -> CryptHashes.desCrypt(password);
            case MD5 -> CryptHashes.md5Crypt(password);
            case SHA256 -> CryptHashes.sha256Crypt(password, params.rounds());
            case SHA512 -> CryptHashes.sha512Crypt(password, params.rounds());
        };
        return crypted.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(byte[] password, Params params, byte[] raw) throws SchemeException {
        String crypted = new String(raw, StandardCharsets.ISO_8859_1);
        if (name.equals("BLF-CRYPT")) {
            return CryptHashes.verifyBcrypt(crypted, password);
        }
        if (name.equals("MD5-CRYPT") && !crypted.startsWith("$1$")) {
            return false; // Dovecot runs its own md5crypt here, which no other string can match
        }
        if (name.equals("MD5") && !crypted.startsWith("$1$")) {
            byte[] digest;
            try {
                digest = SchemeTable.decode(crypted, PLAIN_MD5, null);
            } catch (SchemeException e) {
                throw new SchemeException("Not a valid MD5-CRYPT or PLAIN-MD5 password");
            }
            return PLAIN_MD5.verify(password, params, digest);
        }
        return CryptHashes.verify(crypted, password);
    }
}
