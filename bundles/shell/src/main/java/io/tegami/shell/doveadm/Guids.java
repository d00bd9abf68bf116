package io.tegami.shell.doveadm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stand-ins for Dovecot's mailbox and message GUIDs, which Tegami's stores do not keep: 128-bit
 * hex values derived from the user, the mailbox name and its UIDVALIDITY (and a message's UID),
 * so they stay the same while the mailbox does and change when it is recreated (or renamed).
 */
final class Guids {

    private Guids() {
    }

    static String mailbox(String user, String mailbox, long uidValidity) {
        return md5(user + '\0' + mailbox + '\0' + uidValidity);
    }

    static String message(String mailboxGuid, long uid) {
        return md5(mailboxGuid + '\0' + uid);
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
