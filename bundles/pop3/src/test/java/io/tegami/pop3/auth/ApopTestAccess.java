package io.tegami.pop3.auth;

/** Lets tests of other packages compute APOP digests the way the server does. */
public final class ApopTestAccess {

    private ApopTestAccess() {
    }

    public static String md5Hex(String text) {
        return Apop.md5Hex(text);
    }
}
