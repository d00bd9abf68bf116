package io.tegami.shell.doveadm;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.api.store.StoreException;

/**
 * The fields of {@code doveadm fetch}, printed as {@code doveadm-mail-fetch.c} prints them: dates
 * as {@code 2026-11-28 01:09:47} in the server's time zone ({@code date.sent} with the message's
 * own offset after it), flags in IMAP's order with {@code \Recent} after the system flags, message
 * text with LF line ends (as Maildir and mbox keep it). {@code subject}, {@code from}, {@code to},
 * {@code cc} and {@code date} are Tegami's short names for {@code hdr.<name>}; {@code hdr.<name>.address}
 * and {@code .address_name} give each address of the field on a line ({@link HeaderAddresses}). There is no
 * separate save date: {@code date.saved} is the arrival time, as {@code date.received}.
 */
final class FetchFields {

    /** The fields offered, in the order of Dovecot's "Available fetch fields" line. */
    static final List<String> NAMES = List.of("user", "mailbox", "mailbox-guid", "seq", "uid", "guid", "flags",
            "modseq", "hdr", "body", "text", "size.physical", "size.virtual", "date.received", "date.sent",
            "date.saved", "date.received.unixtime", "date.sent.unixtime", "date.saved.unixtime");
    private static final Set<String> SHORT_HEADERS = Set.of("subject", "from", "to", "cc", "date");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final String user;
    private final ZoneId zone;

    FetchFields(String user, ZoneId zone) {
        this.user = user;
        this.zone = zone;
    }

    /**
     * The field names of a {@code 'uid flags hdr.subject'} argument, lower case.
     *
     * @throws DoveadmException {@code Unknown fetch field} after the list of fields, exit 75
     */
    static List<String> parse(String spec) {
        List<String> out = new ArrayList<>();
        for (String f : spec.trim().split("\\s+")) {
            String name = f.toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!NAMES.contains(name) && !SHORT_HEADERS.contains(name) && !validHeaderField(name)) {
                throw new DoveadmException(DoveadmException.EX_TEMPFAIL, "Available fetch fields: hdr.<name> "
                        + String.join(" ", NAMES) + "\nFatal: Unknown fetch field: " + name);
            }
            out.add(name);
        }
        return out;
    }

    private static boolean validHeaderField(String name) {
        if (!name.startsWith("hdr.") || name.length() == 4) {
            return false;
        }
        String rest = name.substring(4);
        int dot = rest.indexOf('.');
        String filter = dot < 0 ? "" : rest.substring(dot + 1);
        return filter.isEmpty() || filter.equals("utf8") || filter.equals("address") || filter.equals("address_name");
    }

    /** Prints field {@code name} of message {@code m}. */
    void print(String name, MessageView m, DoveadmPrinter printer) throws IOException, StoreException {
        long uid = m.info().uid();
        switch (name) {
            case "user" -> printer.print(user);
            case "mailbox" -> printer.print(m.mailbox());
            case "mailbox-guid" -> printer.print(Guids.mailbox(user, m.mailbox(), m.box().uidValidity()));
            case "seq" -> printer.print(Integer.toString(m.seq()));
            case "uid" -> printer.print(Long.toString(uid));
            case "guid" -> printer.print(Guids.message(Guids.mailbox(user, m.mailbox(), m.box().uidValidity()), uid));
            case "flags" -> printer.print(flags(m));
            case "modseq" -> printer.print(Long.toString(m.info().modSeq()));
            case "hdr" -> {
                try (InputStream in = new HeaderOnly(new BufferedInputStream(m.box().openHeader(uid)))) {
                    printer.printStream(in);
                }
            }
            case "body" -> {
                try (InputStream in = new BufferedInputStream(m.box().openMessage(uid))) {
                    skipHeader(in);
                    printer.printStream(in);
                }
            }
            case "text" -> {
                try (InputStream in = m.box().openMessage(uid)) {
                    printer.printStream(in);
                }
            }
            case "size.physical" -> printer.print(Long.toString(m.info().size()));
            case "size.virtual" -> printer.print(Long.toString(m.info().rfc822Size()));
            case "date.received", "date.saved" -> printer.print(date(m.info().internalDate()));
            case "date.received.unixtime", "date.saved.unixtime" ->
                    printer.print(Long.toString(m.info().internalDate().getEpochSecond()));
            case "date.sent" -> {
                OffsetDateTime sent = m.sentDate();
                int tz = sent == null ? 0 : sent.getOffset().getTotalSeconds() / 60;
                printer.print(date(sent == null ? Instant.EPOCH : sent.toInstant())
                        + String.format(" (%c%02d%02d)", tz < 0 ? '-' : '+', Math.abs(tz) / 60, Math.abs(tz) % 60));
            }
            case "date.sent.unixtime" -> {
                OffsetDateTime sent = m.sentDate();
                printer.print(Long.toString(sent == null ? 0 : sent.toEpochSecond()));
            }
            default -> {
                String header = name.startsWith("hdr.") ? name.substring(4) : name;
                int dot = header.indexOf('.');
                String joined = String.join("\n", m.headers(dot < 0 ? header : header.substring(0, dot)));
                String filter = dot < 0 ? "" : header.substring(dot + 1);
                if (filter.equals("address") || filter.equals("address_name")) {
                    List<String> parts = new ArrayList<>();
                    for (HeaderAddresses.Address a : HeaderAddresses.parse(joined.replace('\n', ','))) {
                        parts.add(filter.equals("address") ? a.address() : a.name());
                    }
                    joined = String.join("\n", parts);
                }
                printer.print(joined);
            }
        }
    }

    private String date(Instant t) {
        return DATE.format(t.atZone(zone));
    }

    /** IMAP's order: the system flags, {@code \Recent}, then the keywords. */
    private static String flags(MessageView m) {
        List<String> out = new ArrayList<>();
        for (String f : Flags.SYSTEM) {
            if (m.info().flags().contains(f)) {
                out.add(f);
            }
        }
        if (m.info().recent()) {
            out.add(Flags.RECENT);
        }
        Flags.keywords(m.info().flags()).stream().sorted().forEach(out::add);
        return String.join(" ", out);
    }

    /** Reads past the header and the empty line that ends it. */
    private static void skipHeader(InputStream in) throws IOException {
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) >= 0) {
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : b == '\r' ? 1 : 0;
        }
    }

    /** The header section up to and including the empty line that ends it. */
    static final class HeaderOnly extends FilterInputStream {

        private int state;

        HeaderOnly(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (state == 4) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : b == '\r' ? 1 : 0;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buf[off + n++] = (byte) b;
                if (state == 4) {
                    break;
                }
            }
            return n;
        }
    }
}
