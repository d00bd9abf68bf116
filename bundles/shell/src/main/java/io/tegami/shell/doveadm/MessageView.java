package io.tegami.shell.doveadm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;

/**
 * One message as search keys and fetch fields see it: what the store knows without reading it,
 * its header fields (parsed once, on first need, from {@link Mailbox#openHeader}) and its content
 * (streamed from {@link Mailbox#openMessage} each time, never held in memory).
 */
final class MessageView {

    /** A header section beyond this is not parsed further: searches see the fields before it. */
    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private final Mailbox box;
    private final MessageInfo info;
    private final int seq;
    private final int count;
    private final long lastUid;
    private final char delimiter;
    private List<Map.Entry<String, String>> fields;

    MessageView(Mailbox box, MessageInfo info, int seq, int count, long lastUid, char delimiter) {
        this.box = box;
        this.info = info;
        this.seq = seq;
        this.count = count;
        this.lastUid = lastUid;
        this.delimiter = delimiter;
    }

    MessageInfo info() {
        return info;
    }

    int seq() {
        return seq;
    }

    int count() {
        return count;
    }

    long lastUid() {
        return lastUid;
    }

    String mailbox() {
        return box.name();
    }

    char delimiter() {
        return delimiter;
    }

    Mailbox box() {
        return box;
    }

    /** The values of every {@code name} field (lower case), unfolded, in order. */
    List<String> headers(String name) throws IOException, StoreException {
        if (fields == null) {
            fields = parseHeader();
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equals(name)) {
                out.add(f.getValue());
            }
        }
        return out;
    }

    /** The {@code Date:} field, or null if there is none or it cannot be read. */
    OffsetDateTime sentDate() throws IOException, StoreException {
        List<String> dates = headers("date");
        if (dates.isEmpty()) {
            return null;
        }
        String v = dates.get(0).replaceAll("\\([^)]*\\)", " ").trim().replaceAll("\\s+", " ");
        if (v.length() > 4 && v.charAt(3) == ',') {
            v = v.substring(4).trim(); // the day name adds nothing and is often wrong
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] xx", Locale.ROOT));
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse("Mon, " + v, DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private List<Map.Entry<String, String>> parseHeader() throws IOException, StoreException {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(box.openHeader(info.uid()))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            String name = null;
            StringBuilder value = new StringBuilder();
            int total = 0;
            int b;
            while ((b = in.read()) >= 0 && total++ < MAX_HEADER_BYTES) {
                if (b == '\r') {
                    continue;
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (l.isEmpty()) {
                    break; // the end of the header
                }
                if ((l.charAt(0) == ' ' || l.charAt(0) == '\t') && name != null) {
                    value.append(l); // a folded line: unfolded by dropping the line break
                    continue;
                }
                if (name != null) {
                    out.add(Map.entry(name, value.toString().strip()));
                }
                int colon = l.indexOf(':');
                name = colon <= 0 ? null : l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                value.setLength(0);
                if (colon > 0) {
                    value.append(l.substring(colon + 1));
                }
            }
            if (name != null) {
                out.add(Map.entry(name, value.toString().strip()));
            }
        }
        return out;
    }

    /** Whether the body (or the whole message) contains {@code text}, ASCII letters without case. */
    boolean contains(String text, boolean wholeMessage) throws IOException, StoreException {
        byte[] needle = text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (needle.length == 0) {
            return true;
        }
        int[] fail = new int[needle.length]; // Knuth-Morris-Pratt, so the message is read once
        for (int i = 1, k = 0; i < needle.length; i++) {
            while (k > 0 && needle[i] != needle[k]) {
                k = fail[k - 1];
            }
            if (needle[i] == needle[k]) {
                k++;
            }
            fail[i] = k;
        }
        try (InputStream in = new BufferedInputStream(box.openMessage(info.uid()))) {
            int b;
            int state = wholeMessage ? 4 : 0; // counts CR LF CR LF up to the end of the header
            int k = 0;
            while ((b = in.read()) >= 0) {
                if (state < 4) {
                    state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1
                            : b == '\r' ? 1 : 0;
                    continue;
                }
                byte c = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
                while (k > 0 && c != needle[k]) {
                    k = fail[k - 1];
                }
                if (c == needle[k]) {
                    k++;
                }
                if (k == needle.length) {
                    return true;
                }
            }
        }
        return false;
    }
}
