package io.tegami.imap.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tegami.imap.fetch.FetchItem.Attribute;
import io.tegami.imap.message.SectionSpec;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;

/**
 * Reads FETCH's data items (RFC 3501 6.4.5 and section 9 {@code fetch-att}), the macros ALL, FAST
 * and FULL, and the RFC 4466 modifiers {@code (CHANGEDSINCE n VANISHED)}.
 */
public final class FetchParser {

    /** The most part levels in a section ({@code 1.2.3...}): deeper nesting is refused. */
    static final int MAX_PART_DEPTH = 100;
    /** The most items one FETCH may ask for. */
    static final int MAX_ITEMS = 1000;

    private FetchParser() {
    }

    /** Reads the items and modifiers after the sequence set and its space. */
    public static FetchRequest parse(CommandReader r) throws ParseException {
        List<FetchItem> items = new ArrayList<>();
        if (r.consume('(')) {
            if (r.peek() == ')') {
                throw new ParseException("Invalid fetch attributes.");
            }
            while (true) {
                if (items.size() >= MAX_ITEMS) {
                    throw new ParseException("Too many fetch attributes.");
                }
                item(r, items, false);
                if (r.consume(')')) {
                    break;
                }
                r.sp();
            }
        } else {
            item(r, items, true);
        }
        long changedSince = -1;
        boolean vanished = false;
        if (r.optionalSp()) {
            r.expect('(');
            while (true) {
                String modifier = r.keyword();
                switch (modifier) {
                    case "CHANGEDSINCE" -> {
                        r.sp();
                        changedSince = r.modSequence();
                    }
                    case "VANISHED" -> vanished = true;
                    default -> throw new ParseException("Unknown FETCH modifier " + modifier + ".");
                }
                if (r.consume(')')) {
                    break;
                }
                r.sp();
            }
        }
        return new FetchRequest(dedupe(items), changedSince, vanished);
    }

    private static void item(CommandReader r, List<FetchItem> items, boolean macrosAllowed) throws ParseException {
        String word = readName(r);
        switch (word) {
            case "ALL", "FAST", "FULL" -> {
                if (!macrosAllowed) {
                    throw new ParseException("Invalid fetch attributes: " + word + " inside a list.");
                }
                items.add(simple(Attribute.FLAGS));
                items.add(simple(Attribute.INTERNALDATE));
                items.add(simple(Attribute.RFC822_SIZE));
                if (!word.equals("FAST")) {
                    items.add(simple(Attribute.ENVELOPE));
                }
                if (word.equals("FULL")) {
                    items.add(simple(Attribute.BODY));
                }
            }
            case "UID" -> items.add(simple(Attribute.UID));
            case "FLAGS" -> items.add(simple(Attribute.FLAGS));
            case "INTERNALDATE" -> items.add(simple(Attribute.INTERNALDATE));
            case "RFC822.SIZE" -> items.add(simple(Attribute.RFC822_SIZE));
            case "ENVELOPE" -> items.add(simple(Attribute.ENVELOPE));
            case "BODYSTRUCTURE" -> items.add(simple(Attribute.BODYSTRUCTURE));
            case "MODSEQ" -> items.add(simple(Attribute.MODSEQ));
            case "RFC822" -> items.add(new FetchItem.Section(whole(), false, "RFC822"));
            case "RFC822.HEADER" -> items.add(new FetchItem.Section(
                    new SectionSpec(List.of(), SectionSpec.Text.HEADER, List.of(), -1, 0), true, "RFC822.HEADER"));
            case "RFC822.TEXT" -> items.add(new FetchItem.Section(
                    new SectionSpec(List.of(), SectionSpec.Text.TEXT, List.of(), -1, 0), false, "RFC822.TEXT"));
            case "BODY", "BODY.PEEK" -> {
                if (r.peek() != '[') {
                    if (word.equals("BODY.PEEK")) {
                        throw new ParseException("Invalid fetch attributes: BODY.PEEK needs a section.");
                    }
                    items.add(simple(Attribute.BODY));
                } else {
                    items.add(section(r, word.equals("BODY.PEEK")));
                }
            }
            default -> throw new ParseException("Unknown parameter " + word + ".");
        }
    }

    /** The item name: atom characters up to {@code [}, a space or a parenthesis. */
    private static String readName(CommandReader r) throws ParseException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = r.peek();
            if (c < 0 || c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == '<' || c == '{' || c == '"') {
                break;
            }
            sb.append((char) c);
            r.consume((char) c);
        }
        if (sb.length() == 0) {
            throw new ParseException(r.atEnd() ? "Missing arguments." : "Invalid fetch attributes.");
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static FetchItem section(CommandReader r, boolean peek) throws ParseException {
        r.expect('[');
        List<Integer> part = new ArrayList<>();
        SectionSpec.Text text = SectionSpec.Text.ALL;
        List<String> fields = List.of();
        StringBuilder label = new StringBuilder("BODY[");
        if (r.peek() >= '1' && r.peek() <= '9') {
            while (true) {
                long n = r.nzNumber();
                if (n > Integer.MAX_VALUE || part.size() >= MAX_PART_DEPTH) {
                    throw new ParseException("Invalid section.");
                }
                part.add((int) n);
                if (!r.consume('.')) {
                    break;
                }
                if (!(r.peek() >= '1' && r.peek() <= '9')) {
                    text = sectionText(r, true);
                    break;
                }
            }
        } else if (r.peek() != ']') {
            text = sectionText(r, false);
        }
        for (int i = 0; i < part.size(); i++) {
            label.append(i == 0 ? "" : ".").append(part.get(i));
        }
        if (text != SectionSpec.Text.ALL) {
            label.append(part.isEmpty() ? "" : ".").append(textName(text));
        }
        if (text == SectionSpec.Text.HEADER_FIELDS || text == SectionSpec.Text.HEADER_FIELDS_NOT) {
            r.sp();
            fields = headerList(r);
            label.append(" (").append(String.join(" ", fields.stream().map(ImapStrings::astring).toList())).append(')');
        }
        r.expect(']');
        label.append(']');
        long start = -1;
        long count = 0;
        if (r.consume('<')) {
            start = r.number();
            r.expect('.');
            count = r.nzNumber();
            r.expect('>');
            label.append('<').append(start).append('>');
        }
        return new FetchItem.Section(new SectionSpec(part, text, fields, start, count), peek, label.toString());
    }

    private static SectionSpec.Text sectionText(CommandReader r, boolean afterPart) throws ParseException {
        String name = readSectionName(r);
        return switch (name) {
            case "HEADER" -> SectionSpec.Text.HEADER;
            case "HEADER.FIELDS" -> SectionSpec.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> SectionSpec.Text.HEADER_FIELDS_NOT;
            case "TEXT" -> SectionSpec.Text.TEXT;
            case "MIME" -> {
                if (!afterPart) {
                    throw new ParseException("Invalid section: MIME needs a part number.");
                }
                yield SectionSpec.Text.MIME;
            }
            default -> throw new ParseException("Invalid section " + name + ".");
        };
    }

    private static String readSectionName(CommandReader r) throws ParseException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = r.peek();
            if (c < 0 || c == ' ' || c == ']') {
                break;
            }
            sb.append((char) c);
            r.consume((char) c);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static List<String> headerList(CommandReader r) throws ParseException {
        r.expect('(');
        List<String> names = new ArrayList<>();
        while (true) {
            String name = r.astring();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
                throw new ParseException("Invalid header field name.");
            }
            if (names.size() >= MAX_ITEMS) {
                throw new ParseException("Too many header fields.");
            }
            names.add(name.toUpperCase(Locale.ROOT));
            if (r.consume(')')) {
                return names;
            }
            r.sp();
        }
    }

    private static String textName(SectionSpec.Text text) {
        return switch (text) {
            case HEADER -> "HEADER";
            case HEADER_FIELDS -> "HEADER.FIELDS";
            case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT";
            case TEXT -> "TEXT";
            case MIME -> "MIME";
            case ALL -> "";
        };
    }

    private static SectionSpec whole() {
        return new SectionSpec(List.of(), SectionSpec.Text.ALL, List.of(), -1, 0);
    }

    private static FetchItem simple(Attribute a) {
        return new FetchItem.Simple(a);
    }

    /** The same item twice is answered once. */
    private static List<FetchItem> dedupe(List<FetchItem> items) {
        List<FetchItem> out = new ArrayList<>();
        for (FetchItem i : items) {
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
