package io.tegami.sieve;

import io.tegami.api.sieve.SieveCompileException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoded-character extension (RFC 5228 section 2.4.2.4): {@code ${hex:...}} and
 * {@code ${unicode:...}} in strings, decoded at compile time; malformed ones stay as written.
 */
final class EncodedCharacters {

    private static final Pattern ENCODED = Pattern.compile(
            "\\$\\{(hex|unicode):[ \\t\\r\\n]*((?:[0-9a-fA-F]+[ \\t\\r\\n]*)*)\\}", Pattern.CASE_INSENSITIVE);

    private EncodedCharacters() {
    }

    /** Decodes the strings of these commands and their tests (not their blocks). */
    static void decodeAll(List<Node> nodes) throws SieveCompileException {
        for (Node node : nodes) {
            for (int i = 0; i < node.args.size(); i++) {
                if (node.args.get(i) instanceof Arg.Str s) {
                    List<String> decoded = new ArrayList<>();
                    for (String v : s.values()) {
                        decoded.add(decode(v, node));
                    }
                    node.args.set(i, new Arg.Str(decoded, s.list(), s.line(), s.column()));
                }
            }
            decodeAll(node.tests);
        }
    }

    static String decode(String s, Node node) throws SieveCompileException {
        if (!s.contains("${")) {
            return s;
        }
        Matcher m = ENCODED.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] units = m.group(2).trim().isEmpty() ? new String[0] : m.group(2).trim().split("[ \\t\\r\\n]+");
            String replacement;
            if (m.group(1).equalsIgnoreCase("hex")) {
                ByteBuffer bytes = ByteBuffer.allocate(units.length);
                for (String u : units) {
                    bytes.put((byte) Integer.parseInt(u.length() > 2 ? u.substring(u.length() - 2) : u, 16));
                }
                replacement = new String(bytes.array(), StandardCharsets.UTF_8);
            } else {
                StringBuilder sb = new StringBuilder();
                for (String u : units) {
                    long cp = u.length() > 8 ? -1 : Long.parseLong(u, 16);
                    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        throw node.error("invalid unicode character 0x" + u + " in encoded character substitution");
                    }
                    sb.appendCodePoint((int) cp);
                }
                replacement = sb.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
