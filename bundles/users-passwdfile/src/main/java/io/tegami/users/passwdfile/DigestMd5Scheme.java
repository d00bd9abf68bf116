package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;

/**
 * DIGEST-MD5 (RFC 2831) credentials: {@code MD5(user ":" realm ":" password)}, hex. The user
 * name is split at its last '@' into user and realm, as Dovecot does, so the value depends on the
 * login name and cannot be generated without it.
 */
final class DigestMd5Scheme implements Scheme {

    @Override
    public String name() {
        return "DIGEST-MD5";
    }

    @Override
    public Encoding encoding() {
        return Encoding.HEX;
    }

    @Override
    public int rawLength() {
        return 16;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        String user = params.user();
        if (user == null) {
            throw new IllegalArgumentException("digest_md5_generate(): username not given");
        }
        int at = user.lastIndexOf('@');
        String realm = at < 0 ? "" : user.substring(at + 1);
        String name = at < 0 ? user : user.substring(0, at);
        var md5 = DigestScheme.messageDigest("MD5");
        md5.update((name + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        md5.update(password);
        return md5.digest();
    }
}
