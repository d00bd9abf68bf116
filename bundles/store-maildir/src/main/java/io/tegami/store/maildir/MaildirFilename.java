package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

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

    /**
     * Sorts file names in {@link #DELIVERY_ORDER}, working out each name's numbers once rather
     * than at every comparison (a folder of new files sorts 100,000 names).
     */
    static <T> void sortByDeliveryOrder(List<T> items, Function<T, String> fileName) {
        record Keyed<T>(T item, String name, int digits, long micros) {
        }
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            String name = fileName.apply(item);
            int digits = leadingDigits(name);
            keyed.add(new Keyed<>(item, name, digits, micros(name, digits)));
        }
        keyed.sort((a, b) -> {
            int c = compareNumbers(a.name(), a.digits(), b.name(), b.digits());
            if (c != 0) {
                return c;
            }
            if (a.micros() >= 0 && b.micros() >= 0 && a.micros() != b.micros()) {
                return Long.compare(a.micros(), b.micros());
            }
            return compareBases(a.name(), b.name());
        });
        for (int i = 0; i < keyed.size(); i++) {
            items.set(i, keyed.get(i).item());
        }
    }

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
        int c = compareNumbers(a, ea, b, eb);
        if (c != 0) {
            return c;
        }
        long ua = micros(a, ea);
        long ub = micros(b, eb);
        if (ua >= 0 && ub >= 0 && ua != ub) {
            return Long.compare(ua, ub);
        }
        return compareBases(a, b);
    }

    /** Compares the parts before ':' without copying them (a new folder sorts 100,000 names). */
    private static int compareBases(String a, String b) {
        int la = a.indexOf(':');
        int lb = b.indexOf(':');
        la = la < 0 ? a.length() : la;
        lb = lb < 0 ? b.length() : lb;
        int n = Math.min(la, lb);
        for (int i = 0; i < n; i++) {
            int c = a.charAt(i) - b.charAt(i);
            if (c != 0) {
                return c;
            }
        }
        return la - lb;
    }

    private static int leadingDigits(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Compares the decimal numbers a[0, ea) and b[0, eb), leading zeros ignored. */
    private static int compareNumbers(String a, int ea, String b, int eb) {
        int sa = 0;
        while (sa < ea - 1 && a.charAt(sa) == '0') {
            sa++;
        }
        int sb = 0;
        while (sb < eb - 1 && b.charAt(sb) == '0') {
            sb++;
        }
        if (ea - sa != eb - sb) {
            return Integer.compare(ea - sa, eb - sb);
        }
        for (int i = 0; i < ea - sa; i++) {
            int c = a.charAt(sa + i) - b.charAt(sb + i);
            if (c != 0) {
                return c;
            }
        }
        return 0;
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
                long value = 0;
                int end = i + 1;
                while (end < name.length() && name.charAt(end) >= '0' && name.charAt(end) <= '9' && end - i < 18) {
                    value = value * 10 + (name.charAt(end) - '0');
                    end++;
                }
                return end == i + 1 ? -1 : value;
            }
        }
        return -1;
    }
}
