package io.tegami.shell.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tegami.api.mail.MailDate;

/**
 * What Postfix's pickup and cleanup do to a locally submitted message's header: a
 * {@code Received:} line on top; {@code Bcc:}, {@code Resent-Bcc:}, {@code Return-Path:} and
 * {@code Content-Length:} removed; {@code Message-Id:}, {@code Date:} and {@code From:} added at the
 * end of the header when missing.
 */
final class Pickup {

    /** Removed from every submission, as Postfix's cleanup drops them (HDR_OPT_DROP). */
    static final Set<String> DROPPED = Set.of("bcc", "resent-bcc", "return-path", "content-length");

    private static final DateTimeFormatter ID_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    /**
     * One header field as submitted.
     *
     * @param name the field name as written
     * @param lines its lines, without line ends (the first, then continuations)
     */
    record Field(String name, List<byte[]> lines) {

        /** The unfolded value, for address extraction. */
        String value() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String line = new String(lines.get(i), StandardCharsets.UTF_8);
                sb.append(i == 0 ? line.substring(line.indexOf(':') + 1) : line);
            }
            return sb.toString().strip();
        }

        boolean is(String header) {
            return name.equalsIgnoreCase(header);
        }
    }

    private Pickup() {
    }

    /** The field name of a header line, or null if it is not one ({@code Name:}, printable, no spaces). */
    static String fieldName(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            int c = line[i] & 0xff;
            if (c == ':') {
                return i == 0 ? null : new String(line, 0, i, StandardCharsets.US_ASCII);
            }
            if (c <= ' ' || c > '~') {
                return null;
            }
        }
        return null;
    }

    static boolean isContinuation(byte[] line) {
        return line.length > 0 && (line[0] == ' ' || line[0] == '\t');
    }

    /**
     * Writes the new header: Received, the submitted fields but the dropped ones, then what is
     * missing. The blank line that ends the header is the caller's.
     */
    static void writeHeader(OutputStream out, List<Field> fields, Submission s) throws IOException {
        write(out, "Received: by " + s.hostname() + " (" + s.mailName()
                + (s.uid() >= 0 ? ", from userid " + s.uid() : "") + ")\n\tid " + s.queueId() + "; "
                + mailDate(s.now()) + "\n");
        boolean messageId = false;
        boolean date = false;
        boolean from = false;
        for (Field f : fields) {
            if (DROPPED.contains(f.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            messageId |= f.is("Message-Id");
            date |= f.is("Date");
            from |= f.is("From");
            for (byte[] line : f.lines()) {
                out.write(line);
                out.write('\n');
            }
        }
        if (!messageId) {
            write(out, "Message-Id: " + messageId(s) + "\n");
        }
        if (!date) {
            write(out, "Date: " + mailDate(s.now()) + "\n");
        }
        if (!from) {
            write(out, "From: " + from(s) + "\n");
        }
    }

    /** Postfix's cleanup Message-Id: {@code <20201127191000.0005F3A1B2C4@myhostname>}, time in UTC. */
    static String messageId(Submission s) {
        return "<" + ID_STAMP.format(s.now().withZoneSameInstant(java.time.ZoneOffset.UTC)) + "." + s.queueId() + "@"
                + s.hostname() + ">";
    }

    /** Postfix's mail_date(): {@code Fri, 27 Nov 2020 20:10:00 +0100 (CET)}, day padded with a space. */
    static String mailDate(ZonedDateTime t) {
        return MailDate.format(t);
    }

    /** {@code hfrom_format = standard}: {@code Full Name <sender>}, or the sender alone. */
    private static String from(Submission s) {
        String address = s.sender().isNullSender() ? QueueText.EMPTY_ADDRESS : s.sender().toString();
        if (s.fullName() == null || s.fullName().isBlank()) {
            return address;
        }
        String name = s.fullName().replaceAll("[\\r\\n]+", " ").strip();
        boolean plain = name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0);
        return (plain ? name : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"") + " <" + address + ">";
    }

    /** The recipient header fields for {@code -t}: Resent- ones if the message has any Resent- header. */
    static List<Field> recipientFields(List<Field> fields) {
        boolean resent = fields.stream().anyMatch(f -> f.name().regionMatches(true, 0, "Resent-", 0, 7));
        List<Field> result = new ArrayList<>();
        for (Field f : fields) {
            if (resent ? f.is("Resent-To") || f.is("Resent-Cc") || f.is("Resent-Bcc")
                    : f.is("To") || f.is("Cc") || f.is("Bcc")) {
                result.add(f);
            }
        }
        return result;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
