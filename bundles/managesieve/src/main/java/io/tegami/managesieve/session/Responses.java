package io.tegami.managesieve.session;

import java.nio.charset.StandardCharsets;

/**
 * ManageSieve's response syntax (RFC 5804 section 4): strings are quoted when they can be (no
 * CR, LF, NUL and not over 1024 octets, as RFC 5804 asks of quoted strings) and literals
 * {@code {n}} otherwise.
 */
public final class Responses {

    private static final int MAX_QUOTED = 1024;

    private Responses() {
    }

    /** A string in ManageSieve syntax: {@code "text"} or {@code {n}CRLF text}. */
    public static String string(String text) {
        byte[] octets = text.getBytes(StandardCharsets.UTF_8);
        if (octets.length > MAX_QUOTED || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
            return "{" + octets.length + "}\r\n" + text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code OK}, {@code NO} or {@code BYE} with an optional response code and text, without CRLF. */
    public static String response(String status, String code, String text) {
        StringBuilder sb = new StringBuilder(status);
        if (code != null) {
            sb.append(" (").append(code).append(')');
        }
        if (text != null) {
            sb.append(' ').append(string(text));
        }
        return sb.toString();
    }
}
