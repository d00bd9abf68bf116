package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses passwd-file lines the way Dovecot's {@code db-passwd-file.c} does.
 *
 * <p>Lines are handled as ISO-8859-1 strings so that every byte of the file survives a rewrite
 * unchanged; the fields of user lines are decoded as UTF-8 when parsed.
 */
final class PasswdLineParser {

    private static final Logger LOG = LoggerFactory.getLogger(PasswdLineParser.class);

    private PasswdLineParser() {
    }

    /** Whether Dovecot would read this line as a user: not blank, not a comment, has a name. */
    static boolean isUserLine(String rawLine) {
        String line = stripCr(rawLine);
        return !line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != ':';
    }

    /** The user name of a user line (the text before the first ':'), still ISO-8859-1 encoded. */
    static String rawName(String rawLine) {
        String line = stripCr(rawLine);
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }

    /** Parses a user line; empty for blank lines and comments. */
    static Optional<PasswdEntry> parse(String rawLine) {
        if (!isUserLine(rawLine)) {
            return Optional.empty();
        }
        String line = utf8(stripCr(rawLine));
        // Dovecot splits on every ':' and later glues fields 8.. back together with ':',
        // because extra fields such as userdb_mail=maildir:~/Mail contain colons.
        String[] f = line.split(":", -1);
        String name = f[0];
        String password = field(f, 1);
        int uid = number(field(f, 2), name, "uid");
        int gid = number(field(f, 3), name, "gid");
        String home = field(f, 5);
        return Optional.of(new PasswdEntry(name, password, uid, gid, home, extraFields(f)));
    }

    private static Map<String, String> extraFields(String[] f) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (f.length <= 7) {
            return fields;
        }
        if (f[7].isEmpty()) {
            // Dovecot's old format: an empty 8th field, then the mail location (which may hold ':').
            String mail = String.join(":", Arrays.copyOfRange(f, 8, f.length));
            if (!mail.isEmpty()) {
                fields.put("userdb_mail", mail);
            }
            return fields;
        }
        String extra = String.join(":", Arrays.copyOfRange(f, 7, f.length));
        for (String token : extra.trim().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                fields.put(token, "");
            } else {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return fields;
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static int number(String value, String user, String what) {
        if (value.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            // Dovecot would resolve a system user name here; Tegami only keeps numeric ids.
            LOG.warn("passwd-file: user {} has a non-numeric {} '{}', ignored", user, what, value);
            return -1;
        }
    }

    static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Re-decodes an ISO-8859-1 string (raw bytes) as UTF-8. */
    static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Encodes a string as UTF-8 bytes held in an ISO-8859-1 string, the form raw lines use. */
    static String raw(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
