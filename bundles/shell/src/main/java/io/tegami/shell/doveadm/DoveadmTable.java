package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Dovecot's table formatter ({@code doveadm-print-table.c}) for an 80-column output that is not a
 * terminal, which is what {@code tegami-ctl} output always is to the server: the first 100 rows
 * are buffered to size the columns from the titles and values, columns are shrunk right to left
 * when too wide, and the spare width goes to the first column flagged to expand (or to the last
 * one). Values are padded, never cut; a space separates columns.
 */
final class DoveadmTable {

    /** Dovecot's width when stdout is not a terminal. */
    static final int COLUMNS = 80;
    private static final int MAX_BUFFER_LINES = 100;

    /** A column: its title and how it is laid out. */
    record Column(String title, boolean rightJustify, boolean expand, boolean hideTitle) {

        Column(String title, boolean rightJustify, boolean expand) {
            this(title, rightJustify, expand, false);
        }

        static Column left(String title) {
            return new Column(title, false, false);
        }
    }

    private final PrintStream out;
    private final List<Column> columns;
    private final int[] length;
    private final List<String> buffered = new ArrayList<>();
    private boolean lengthsSet;
    private int index;

    DoveadmTable(PrintStream out, List<Column> columns) {
        this.out = out;
        this.columns = List.copyOf(columns);
        this.length = new int[columns.size()];
    }

    /** The next value, left to right, row after row. */
    void print(String value) {
        if (!lengthsSet) {
            if (buffered.size() / columns.size() < MAX_BUFFER_LINES) {
                buffered.add(value);
                return;
            }
            flushBuffer();
        }
        printNext(value);
    }

    /** Ends the table: the titles and rows still buffered are written. */
    void flush() {
        if (!lengthsSet) {
            flushBuffer();
        }
        out.flush();
    }

    private void flushBuffer() {
        calcLengths();
        // Dovecot prints no title line when every title is hidden (doveadm mailbox list).
        boolean titles = columns.stream().anyMatch(c -> !c.hideTitle());
        for (int i = 0; titles && i < columns.size(); i++) {
            if (i > 0) {
                out.print(' ');
            }
            out.print(pad(columns.get(i).title(), length[i], columns.get(i).rightJustify()));
        }
        if (titles) {
            out.print('\n');
        }
        for (String v : buffered) {
            printNext(v);
        }
        buffered.clear();
    }

    private void printNext(String value) {
        Column c = columns.get(index);
        out.print(pad(value == null ? "" : value, length[index], c.rightJustify()));
        if (++index == columns.size()) {
            index = 0;
            out.print('\n');
        } else {
            out.print(' ');
        }
    }

    /** doveadm_calc_header_length(), unsigned arithmetic and all. */
    private void calcLengths() {
        lengthsSet = true;
        int n = columns.size();
        long[] min = new long[n];
        long[] max = new long[n];
        long[] len = new long[n];
        for (int i = 0; i < n; i++) {
            min[i] = max[i] = len[i] = chars(columns.get(i).title());
        }
        for (int v = 0; v < buffered.size(); v++) {
            int i = v % n;
            long l = buffered.get(v) == null ? 0 : chars(buffered.get(v));
            if (min[i] > l) {
                min[i] = l;
            }
            if (max[i] < l) {
                max[i] = l;
                len[i] = l;
            }
        }
        long total = -1;
        for (int i = 0; i < n; i++) {
            total += max[i] + 1; // +1 for the space between fields
        }
        while (total > COLUMNS) {
            long orig = total;
            for (int i = n - 1;; i--) {
                long diff = len[i] - min[i];
                if (total - diff <= COLUMNS) {
                    diff = total - COLUMNS;
                    len[i] -= diff;
                    total -= diff;
                    break;
                }
                if (diff > 0) {
                    len[i] -= diff == 1 ? 1 : diff / 2;
                }
                if (i == 0) {
                    break;
                }
            }
            if (total == orig) {
                break; // cannot shrink any more
            }
        }
        if (total < COLUMNS) {
            int i = 0;
            while (i < n && !columns.get(i).expand()) {
                i++;
            }
            int grow = i < n ? i : n - 1;
            len[grow] += (COLUMNS - total) / 2;
        }
        for (int i = 0; i < n; i++) {
            length[i] = (int) len[i];
        }
    }

    /** Padded to {@code width} characters (printf counts bytes; Dovecot corrects for UTF-8). */
    private static String pad(String value, int width, boolean right) {
        int missing = width - chars(value);
        if (missing <= 0) {
            return value;
        }
        String spaces = " ".repeat(missing);
        return right ? spaces + value : value + spaces;
    }

    private static int chars(String s) {
        return s.codePointCount(0, s.length());
    }
}
