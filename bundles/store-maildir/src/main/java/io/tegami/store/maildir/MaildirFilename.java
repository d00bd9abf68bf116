package io.tegami.store.maildir;

import java.util.Comparator;
import java.util.OptionalLong;

/**
 * A Maildir file name: {@code <base>[:2,<flags>[,<other flag sets>]]}, where the base may carry
 * Dovecot's {@code ,S=<size>} and {@code ,W=<vsize>} fields. The base identifies a message for
 * life; the part after ':' changes with its flags.
 *
 * @param base everything before the first ':'
 * @param info everything after it, or null when the name has no ':'
 */
record MaildirFilename(String base, String info) {

    /** Dovecot's maildir_filename_sort_cmp(): seconds, then microseconds, then the base name. */
    static final Comparator<String> DELIVERY_ORDER = MaildirFilename::compareDeliveryOrder;

    static MaildirFilename parse(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? new MaildirFilename(fileName, null)
                : new MaildirFilename(fileName.substring(0, colon), fileName.substring(colon + 1));
    }

    /** The file name as it is on disk. */
    String fileName() {
        return info == null ? base : base + ":" + info;
    }

    /** The standard flag letters ({@code "FS"} for {@code :2,FS}); empty without {@code :2,}. */
    String flagChars() {
        if (info == null || !info.startsWith("2,")) {
            return "";
        }
        int comma = info.indexOf(',', 2);
        return comma < 0 ? info.substring(2) : info.substring(2, comma);
    }

    /**
     * The name with new flag letters. Dovecot's extension of further {@code ,}-separated flag sets
     * is kept; any other info (not {@code 2,}) is replaced, as Dovecot does.
     */
    MaildirFilename withFlagChars(String chars) {
        String rest = "";
        if (info != null && info.startsWith("2,")) {
            int comma = info.indexOf(',', 2);
            if (comma >= 0) {
                rest = info.substring(comma);
            }
        }
        return new MaildirFilename(base, "2," + chars + rest);
    }

    /** A {@code ,<key>=<number>} field of the base ({@code S} size, {@code W} virtual size). */
    OptionalLong field(char key) {
        String marker = "," + key + "=";
        int at = base.indexOf(marker);
        if (at < 0) {
            return OptionalLong.empty();
        }
        int start = at + marker.length();
        int end = start;
        while (end < base.length() && Character.isDigit(base.charAt(end))) {
            end++;
        }
        if (end == start || (end < base.length() && base.charAt(end) != ',')) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(base.substring(start, end)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static int compareDeliveryOrder(String a, String b) {
        int ea = leadingDigits(a);
        int eb = leadingDigits(b);
        int c = compareNumbers(a.substring(0, ea), b.substring(0, eb));
        if (c != 0) {
            return c;
        }
        long ua = micros(a, ea);
        long ub = micros(b, eb);
        if (ua >= 0 && ub >= 0 && ua != ub) {
            return Long.compare(ua, ub);
        }
        return parse(a).base().compareTo(parse(b).base());
    }

    private static int leadingDigits(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    /** The M<usecs> of the uniqueness part after the timestamp, or -1. */
    private static long micros(String name, int from) {
        if (from >= name.length() || name.charAt(from) != '.') {
            return -1;
        }
        for (int i = from + 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == ':') {
                return -1;
            }
            if (c == 'M') {
                int end = i + 1;
                while (end < name.length() && Character.isDigit(name.charAt(end)) && end - i < 18) {
                    end++;
                }
                return end == i + 1 ? -1 : Long.parseLong(name.substring(i + 1, end));
            }
        }
        return -1;
    }
}
