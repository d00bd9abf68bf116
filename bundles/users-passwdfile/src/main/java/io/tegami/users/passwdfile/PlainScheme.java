package io.tegami.users.passwdfile;

import java.security.MessageDigest;

/** PLAIN, CLEAR and CLEARTEXT: the password itself. */
record PlainScheme(String name) implements Scheme {

    @Override
    public Encoding encoding() {
        return Encoding.NONE;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        return password.clone();
    }

    @Override
    public boolean verify(byte[] password, Params params, byte[] raw) {
        return MessageDigest.isEqual(password, raw);
    }
}
