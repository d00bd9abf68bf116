package io.tegami.smtp.address;

import java.util.ArrayList;
import java.util.List;

import io.tegami.smtp.address.PathSyntaxException.Kind;

/**
 * Parses the paths of {@code MAIL FROM:}, {@code RCPT TO:} and {@code VRFY} as tolerantly as
 * Postfix does with {@code strict_rfc821_envelopes = no}: {@code FROM:<a@b>}, {@code FROM: <a@b>},
 * {@code FROM:a@b} (no brackets), {@code <>}, unqualified {@code <root>}, quoted local parts
 * ({@code "john doe"@x}) and RFC 821 source routes ({@code <@a,@b:u@d>}, reduced to {@code u@d}).
 * Control characters, unbalanced brackets or quotes, and junk around the address are refused.
 */
public final class PathParser {

    /** RFC 5322 atext plus the dot; 8-bit characters are tolerated as Postfix does. */
    private static final String LOCAL_SPECIALS = "!#$%&'*+-/=?^_`{|}~.";

    private PathParser() {
    }

    /**
     * Parses a command argument such as {@code FROM:<a@b> SIZE=100}.
     *
     * @param argument the text after the verb, without leading blanks
     * @param keyword {@code FROM:} or {@code TO:}, matched without case
     * @throws PathSyntaxException {@link Kind#COMMAND} when the keyword or the path is missing,
     *         {@link Kind#ADDRESS} when the path is malformed
     */
    public static PathArgument parse(String argument, String keyword) throws PathSyntaxException {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new PathSyntaxException(Kind.COMMAND, "expected " + keyword);
        }
        int start = skipBlanks(argument, keyword.length());
        if (start == argument.length()) {
            throw new PathSyntaxException(Kind.COMMAND, "missing path");
        }
        String token;
        int end;
        if (argument.charAt(start) == '<') {
            int close = closingBracket(argument, start + 1);
            token = argument.substring(start + 1, close);
            end = close + 1;
            // "<a@b>junk" is one token for Postfix too, and not an address.
            if (end < argument.length() && !isBlank(argument.charAt(end))) {
                throw address("text after the closing bracket");
            }
        } else {
            end = tokenEnd(argument, start);
            token = argument.substring(start, end);
        }
        return new PathArgument(parseAddress(token), splitBlanks(argument.substring(end)));
    }

    /**
     * Parses a bare path, the part between the angle brackets: an empty string is the null path.
     *
     * @throws PathSyntaxException ({@link Kind#ADDRESS}) if it is not an address
     */
    public static SmtpPath parseAddress(String text) throws PathSyntaxException {
        if (text.isEmpty()) {
            return SmtpPath.NULL;
        }
        String rest = text;
        if (rest.charAt(0) == '@') {
            // RFC 5321 4.1.2: servers must accept source routes and may ignore them; we do.
            int colon = rest.indexOf(':');
            if (colon < 0) {
                throw address("source route without ':'");
            }
            checkRoute(rest.substring(0, colon));
            rest = rest.substring(colon + 1);
            if (rest.isEmpty()) {
                throw address("source route without mailbox");
            }
        }
        StringBuilder local = new StringBuilder();
        int i = rest.charAt(0) == '"' ? quotedLocalPart(rest, local) : atomLocalPart(rest, local);
        if (local.length() == 0) {
            throw address("empty local part");
        }
        if (i == rest.length()) {
            return new SmtpPath(local.toString(), null);
        }
        if (rest.charAt(i) != '@') {
            throw address("text after the quoted local part");
        }
        return new SmtpPath(local.toString(), checkDomain(rest.substring(i + 1)));
    }

    /** Reads {@code "..."} into {@code out}, unescaping quoted pairs; returns the index after the quote. */
    private static int quotedLocalPart(String s, StringBuilder out) throws PathSyntaxException {
        int i = 1;
        while (true) {
            if (i >= s.length()) {
                throw address("unterminated quoted string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    throw address("unterminated quoted pair");
                }
                c = s.charAt(i++);
            }
            if (isControl(c)) {
                throw address("control character");
            }
            out.append(c);
        }
    }

    /** Reads an unquoted local part up to the {@code @}; returns the index of the {@code @} or the end. */
    private static int atomLocalPart(String s, StringBuilder out) throws PathSyntaxException {
        int i = 0;
        while (i < s.length() && s.charAt(i) != '@') {
            char c = s.charAt(i++);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || LOCAL_SPECIALS.indexOf(c) >= 0 || c >= 0xa0;
            if (!ok) {
                throw address("bad character in local part");
            }
            out.append(c);
        }
        return i;
    }

    /** Validates a domain or address literal; returns it without a trailing root dot. */
    private static String checkDomain(String domain) throws PathSyntaxException {
        if (domain.startsWith("[")) {
            if (domain.length() < 3 || !domain.endsWith("]")) {
                throw address("bad address literal");
            }
            for (int i = 1; i < domain.length() - 1; i++) {
                char c = domain.charAt(i);
                if (isControl(c) || isBlank(c) || c == '[' || c == ']' || c == '\\') {
                    throw address("bad address literal");
                }
            }
            return domain;
        }
        String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (name.isEmpty()) {
            throw address("empty domain");
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw address("empty domain label");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c >= 0xa0;
                if (!ok) {
                    throw address("bad character in domain");
                }
            }
        }
        return name;
    }

    private static void checkRoute(String route) throws PathSyntaxException {
        for (String hop : route.split(",", -1)) {
            if (!hop.startsWith("@")) {
                throw address("bad source route");
            }
            checkDomain(hop.substring(1));
        }
    }

    /** Index of the {@code >} that closes a bracket opened before {@code from}, quotes respected. */
    private static int closingBracket(String s, int from) throws PathSyntaxException {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '>') {
                return i;
            } else if (!quoted && c == '<') {
                throw address("nested '<'");
            }
        }
        throw address("unbalanced '<'");
    }

    /** End of an unbracketed path: the first blank outside quotes. */
    private static int tokenEnd(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && isBlank(c)) {
                return i;
            }
        }
        return s.length();
    }

    private static List<String> splitBlanks(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("[ \t]+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0);
    }

    private static PathSyntaxException address(String why) {
        return new PathSyntaxException(Kind.ADDRESS, why);
    }
}
