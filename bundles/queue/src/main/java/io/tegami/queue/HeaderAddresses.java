package io.tegami.queue;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.rewrite.RewriteException;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.ASTaddr_spec;
import org.apache.james.mime4j.field.address.AddressFormatter;
import org.apache.james.mime4j.field.address.AddressListParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.field.address.Node;
import org.apache.james.mime4j.field.address.ParseException;
import org.apache.james.mime4j.field.address.Token;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Rewrites the addresses of one address-list header value ({@code From:}, {@code To:}...) in
 * place. Apache mime4j parses the value; only the text of each addr-spec is replaced, so display
 * names (encoded words included), comments, groups and the original folding stay byte for byte.
 *
 * <p>The value is handled as ISO-8859-1 text, one char per byte, so positions are byte
 * positions; addresses are decoded as UTF-8 (when they are valid UTF-8) before rewriters see them.
 * mime4j's RFC 5322 grammar gives exact positions but needs {@code local@domain}; a value it
 * refuses (typically incomplete addresses such as {@code To: joe, ann}) goes to mime4j's lenient
 * parser, whose cursor gives each address's extent.
 */
final class HeaderAddresses {

    /** Rewrites one address in internal form. */
    @FunctionalInterface
    interface AddressFunction {
        String apply(String internal) throws RewriteException;
    }

    record Splice(int start, int end, String text) {
    }

    private HeaderAddresses() {
    }

    /**
     * @param value the field value after the colon, ISO-8859-1 decoded, folding line breaks included
     * @return the new value, or null when no address changed
     */
    static String rewrite(String value, AddressFunction rewriter) throws RewriteException {
        List<Splice> splices = simple(value, rewriter);
        if (splices == null) {
            splices = strict(value, rewriter);
        }
        if (splices == null) {
            splices = lenient(value, rewriter);
        }
        if (splices.isEmpty()) {
            return null;
        }
        splices.sort(Comparator.comparingInt(Splice::start).reversed());
        StringBuilder out = new StringBuilder(value);
        for (Splice s : splices) {
            out.replace(s.start(), s.end(), s.text());
        }
        return out.toString();
    }

    /**
     * The common case without a parser: the value is one bare or angle-bracketed {@code local@domain}
     * of plain atoms ({@code From: <joe@example.org>}), where the grammar's addr-spec would be exactly
     * that text. Building mime4j's parser (buffers, token manager, tree) cost more than the rest of
     * cleanup in SMTP profiles. Null for anything else, which goes to {@link #strict}.
     */
    static List<Splice> simple(String raw, AddressFunction rewriter) throws RewriteException {
        int start = 0;
        int end = raw.length();
        while (start < end && (raw.charAt(start) == ' ' || raw.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end - start > 2 && raw.charAt(start) == '<' && raw.charAt(end - 1) == '>') {
            start++;
            end--;
        }
        int at = raw.indexOf('@', start);
        if (at < 0 || at >= end || !dotAtom(raw, start, at) || !dotAtom(raw, at + 1, end)) {
            return null;
        }
        List<Splice> splices = new ArrayList<>(1);
        Splice s = replace(raw.substring(start, end), start, end, rewriter);
        if (s != null) {
            splices.add(s);
        }
        return splices;
    }

    /** Atoms of letters, digits, {@code - _ + =} joined by single dots: what every grammar reads the same. */
    private static boolean dotAtom(String raw, int start, int end) {
        if (start >= end || raw.charAt(start) == '.' || raw.charAt(end - 1) == '.') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '+' || c == '=';
            if (!plain && !(c == '.' && raw.charAt(i - 1) != '.')) {
                return false;
            }
        }
        return true;
    }

    /** The exact way: the RFC 5322 grammar's addr-spec tokens; null when the value does not parse. */
    static List<Splice> strict(String raw, AddressFunction rewriter) throws RewriteException {
        // The grammar knows no folding: parse the unfolded text, remembering where each char came from.
        StringBuilder text = new StringBuilder(raw.length());
        int[] origin = new int[raw.length()];
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\r' && c != '\n') {
                origin[text.length()] = i;
                text.append(c == '\t' ? ' ' : c); // columns then count chars (JavaCC widens tabs)
            }
        }
        List<ASTaddr_spec> specs = new ArrayList<>();
        try {
            collect(new AddressListParser(new StringReader(text.toString())).parseAddressList(), specs);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
        List<Splice> splices = new ArrayList<>();
        for (ASTaddr_spec spec : specs) {
            Token first = spec.firstToken;
            Token last = spec.lastToken;
            if (first == null || last == null || first.beginLine != 1 || last.endLine != 1) {
                return null;
            }
            StringBuilder internal = new StringBuilder();
            for (Token t = first; t != null; t = t.next) {
                internal.append(t.image); // quoted strings come without quotes: the internal form
                if (t == last) {
                    break;
                }
            }
            Splice s = replace(internal.toString(), origin[first.beginColumn - 1], origin[last.endColumn - 1] + 1, rewriter);
            if (s != null) {
                splices.add(s);
            }
        }
        return splices;
    }

    private static void collect(Node node, List<ASTaddr_spec> specs) {
        if (node instanceof ASTaddr_spec spec) {
            specs.add(spec);
            return;
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            collect(node.jjtGetChild(i), specs);
        }
    }

    /** The forgiving way: mime4j's lenient parser, address by address. */
    private static List<Splice> lenient(String raw, AddressFunction rewriter) throws RewriteException {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayBuffer buffer = new ByteArrayBuffer(bytes, true);
        ParserCursor cursor = new ParserCursor(0, bytes.length);
        BitSet comma = new BitSet();
        comma.set(',');
        List<Splice> splices = new ArrayList<>();
        while (!cursor.atEnd()) {
            int start = cursor.getPos();
            if (bytes[start] == ',') {
                cursor.updatePos(start + 1);
                continue;
            }
            Address address = LenientAddressParser.DEFAULT.parseAddress(buffer, cursor, comma);
            int end = cursor.getPos();
            if (end <= start) {
                cursor.updatePos(start + 1); // no progress: skip the byte rather than loop
                continue;
            }
            if (address instanceof Mailbox mailbox) {
                int[] extent = addrSpecExtent(raw, start, end);
                Splice s = replace(internal(mailbox), extent[0], extent[1], rewriter);
                if (s != null) {
                    splices.add(s);
                }
            } else if (address instanceof Group group) {
                Splice s = regroup(raw, start, end, group, rewriter);
                if (s != null) {
                    splices.add(s);
                }
            }
        }
        return splices;
    }

    /** Where a mailbox's address is: inside its angle brackets, or its first word(s) before any comment. */
    private static int[] addrSpecExtent(String raw, int start, int end) {
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '"' && (i == start || raw.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                int close = raw.indexOf('>', i + 1);
                return new int[] {i + 1, close < 0 || close > end ? end : close};
            }
        }
        int s = start;
        while (s < end && Character.isWhitespace(raw.charAt(s))) {
            s++;
        }
        int e = s;
        quoted = false;
        while (e < end) {
            char c = raw.charAt(e);
            if (c == '"' && (e == s || raw.charAt(e - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                break;
            }
            e++;
        }
        while (e > s && Character.isWhitespace(raw.charAt(e - 1))) {
            e--;
        }
        return new int[] {s, e};
    }

    /** A group with a changed member is written anew by mime4j; its leading white space stays. */
    private static Splice regroup(String raw, int start, int end, Group group, AddressFunction rewriter) throws RewriteException {
        List<Mailbox> members = new ArrayList<>();
        boolean changed = false;
        for (Mailbox m : group.getMailboxes()) {
            String before = decode(internal(m));
            String after = rewriter.apply(before);
            changed |= !after.equals(before);
            String domain = InternalForm.domain(after);
            members.add(new Mailbox(m.getName(), null, InternalForm.localPart(after), domain.isEmpty() ? null : domain));
        }
        if (!changed) {
            return null;
        }
        int s = start;
        while (s < end && Character.isWhitespace(raw.charAt(s))) {
            s++;
        }
        StringBuilder text = new StringBuilder();
        AddressFormatter.DEFAULT.encode(text, new Group(group.getName(), members));
        return new Splice(s, end, encode(text.toString()));
    }

    private static String internal(Mailbox m) {
        String domain = m.getDomain();
        return m.getLocalPart() + (domain == null || domain.isEmpty() ? "" : "@" + domain);
    }

    private static Splice replace(String internalLatin1, int start, int end, AddressFunction rewriter) throws RewriteException {
        String before = decode(internalLatin1);
        String after = rewriter.apply(before);
        if (after.equals(before)) {
            return null;
        }
        return new Splice(start, end, encode(InternalForm.externalize(after)));
    }

    /** Bytes held one per char, read as UTF-8 when they are valid UTF-8 (SMTPUTF8 addresses). */
    static String decode(String latin1) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return latin1;
        }
    }

    /** Text as UTF-8 bytes, held one per char. */
    static String encode(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
