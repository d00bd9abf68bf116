package io.tegami.transport;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP reply: its code and every line as received ({@code 250-SIZE 1000}, {@code 250 OK}).
 *
 * @param code the three-digit reply code
 * @param lines the reply lines, code included, without line endings; at least one
 */
record Reply(int code, List<String> lines) {

    /** RFC 3463's status code at the start of the text: class.subject.detail. */
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?=\\s|$)");

    Reply {
        lines = List.copyOf(lines);
    }

    boolean positive() {
        return code / 100 == 2;
    }

    boolean intermediate() {
        return code / 100 == 3;
    }

    boolean transientFailure() {
        return code / 100 == 4;
    }

    boolean permanentFailure() {
        return code / 100 == 5;
    }

    /** The text after the code of line {@code i} ({@code SIZE 1000}). */
    String text(int i) {
        String line = lines.get(i);
        return line.length() > 4 ? line.substring(4) : "";
    }

    /**
     * The enhanced status code of the reply, or one derived from the reply code's class as Postfix
     * does ({@code 4.0.0}, {@code 5.0.0}) when the server sent none or one of another class.
     */
    String dsn() {
        Matcher m = ENHANCED.matcher(text(0));
        if (m.find() && m.group(1).charAt(0) == Character.forDigit(code / 100, 10)) {
            return m.group(1) + "." + m.group(2) + "." + m.group(3);
        }
        return (code / 100) + ".0.0";
    }

    /** Every line joined with a space, as Postfix quotes a reply in logs and bounces. */
    @Override
    public String toString() {
        return String.join(" ", lines);
    }
}
