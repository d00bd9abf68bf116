package io.tegami.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.tegami.api.mail.MailAddress;

/**
 * The mbox pieces local(8) writes for commands and files: the {@code From sender  date} line
 * (asctime form, {@code MAILER-DAEMON} for the null sender), and body lines quoted so that no
 * line starts with {@code From }: mboxrd, as Tegami's mbox store and Dovecot read it
 * ({@code >From } becomes {@code >>From }, so readers can undo it exactly).
 */
final class MboxLines {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private MboxLines() {
    }

    static String fromLine(MailAddress sender, Instant when) {
        String s = sender.isNullSender() ? "MAILER-DAEMON" : sender.toString().replaceAll("[\\s\\p{Cntrl}]", "_");
        return "From " + s + "  " + ASCTIME.format(ZonedDateTime.ofInstant(when, ZoneId.systemDefault())) + "\n";
    }

    /** Copies {@code in} to {@code out}, quoting {@code ^>*From } lines, streaming; returns whether the copy ended in a newline. */
    static boolean copyQuoted(InputStream in, OutputStream out) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 8192);
        byte[] prefix = new byte[64];
        int last = '\n';
        while (true) {
            // at a line start: look at '>'* "From " without losing the bytes
            b.mark(prefix.length);
            int n = 0;
            int c;
            while (n < prefix.length && (c = b.read()) >= 0) {
                prefix[n++] = (byte) c;
                if (c == '\n' || !(c == '>' || isFromPrefix(prefix, n))) {
                    break;
                }
            }
            b.reset();
            if (n == 0) {
                return last == '\n';
            }
            if (quoted(prefix, n)) {
                out.write('>');
            }
            while ((c = b.read()) >= 0) {
                out.write(c);
                last = c;
                if (c == '\n') {
                    break;
                }
            }
            if (c < 0) {
                return last == '\n';
            }
        }
    }

    /** Bytes so far are '>'* followed by a prefix of "From ". */
    private static boolean isFromPrefix(byte[] p, int n) {
        int i = 0;
        while (i < n && p[i] == '>') {
            i++;
        }
        String from = "From ";
        for (int k = 0; i + k < n; k++) {
            if (k >= from.length() || p[i + k] != from.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean quoted(byte[] p, int n) {
        int i = 0;
        while (i < n && p[i] == '>') {
            i++;
        }
        return n - i >= 5 && p[i] == 'F' && p[i + 1] == 'r' && p[i + 2] == 'o' && p[i + 3] == 'm' && p[i + 4] == ' ';
    }
}
