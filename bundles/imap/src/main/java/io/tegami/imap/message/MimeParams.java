package io.tegami.imap.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Parses {@code ; name=value} parameter lists and joins RFC 2231 continuations. */
final class MimeParams {

    private static final int MAX_PARAMS = 100;
    private static final String ATTRIBUTE_SPECIALS = "*'%()<>@,;:\\\"/[]?= \t";

    private MimeParams() {
    }

    /** The parameters following the tokenizer's position, lenient about garbage between them. */
    static List<MimeParam> parse(FieldTokenizer t) {
        List<MimeParam> raw = new ArrayList<>();
        while (raw.size() < MAX_PARAMS && !t.atEnd()) {
            if (!t.consume(';')) {
                t.skipPast(';'); // garbage before the next parameter
                if (t.atEnd()) {
                    break;
                }
            }
            String name = t.token();
            if (name.isEmpty() || !t.consume('=')) {
                continue;
            }
            String value = t.value();
            if (value == null) {
                continue;
            }
            raw.add(new MimeParam(name, value));
        }
        return join(raw);
    }

    /** Joins {@code name*0}, {@code name*1*}... into one parameter at the place of the first section. */
    static List<MimeParam> join(List<MimeParam> raw) {
        boolean any = false;
        for (MimeParam p : raw) {
            if (p.name().indexOf('*') >= 0) {
                any = true;
                break;
            }
        }
        if (!any) {
            return List.copyOf(raw);
        }
        // Slot per output parameter: either a plain one or a group of RFC 2231 sections.
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Object> slots = new ArrayList<>();
        for (MimeParam p : raw) {
            String n = p.name();
            int star = n.indexOf('*');
            if (star <= 0) {
                slots.add(p);
                continue;
            }
            String base = n.substring(0, star);
            String rest = n.substring(star + 1);
            boolean extended = rest.endsWith("*") || rest.isEmpty();
            String index = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int section;
            if (index.isEmpty()) {
                section = 0;
            } else {
                try {
                    section = Integer.parseInt(index);
                } catch (NumberFormatException e) {
                    slots.add(p); // not RFC 2231 after all: keep as written
                    continue;
                }
            }
            Group g = groups.get(base.toLowerCase(Locale.ROOT));
            if (g == null) {
                g = new Group(base);
                groups.put(base.toLowerCase(Locale.ROOT), g);
                slots.add(g);
            }
            g.sections.putIfAbsent(section, new Section(p.value(), extended));
        }
        List<MimeParam> out = new ArrayList<>(slots.size());
        for (Object o : slots) {
            out.add(o instanceof MimeParam p ? p : ((Group) o).toParam());
        }
        return List.copyOf(out);
    }

    private record Section(String value, boolean extended) {
    }

    private static final class Group {
        final String base;
        final TreeMap<Integer, Section> sections = new TreeMap<>();

        Group(String base) {
            this.base = base;
        }

        MimeParam toParam() {
            boolean extended = sections.firstEntry().getValue().extended();
            StringBuilder sb = new StringBuilder();
            int expect = sections.firstKey();
            for (Map.Entry<Integer, Section> e : sections.entrySet()) {
                if (e.getKey() != expect) {
                    break; // a gap: RFC 2231 says to stop at the first missing section
                }
                expect++;
                Section s = e.getValue();
                if (extended && !s.extended()) {
                    percentEncode(sb, s.value());
                } else {
                    sb.append(s.value());
                }
            }
            return new MimeParam(extended ? base + "*" : base, sb.toString());
        }

        private static void percentEncode(StringBuilder sb, String v) {
            for (byte b : v.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c > 0x20 && c < 0x7f && ATTRIBUTE_SPECIALS.indexOf(c) < 0) {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                }
            }
        }
    }
}
