package io.tegami.shell.doveadm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Dovecot's doveadm print formatters ({@code doveadm -f flow|tab|table|pager|json}): a command
 * declares its headers, then prints values left to right, row after row, and the formatter lays
 * them out exactly as {@code doveadm-print-*.c} do. Long values (a message's header or body) are
 * streamed with {@link #printStream}.
 */
interface DoveadmPrinter {

    /** doveadm_print_header's flags. */
    int HIDE_TITLE = 1;
    int RIGHT_JUSTIFY = 2;
    int EXPAND = 4;

    /** The formatter names {@code -f} accepts. */
    List<String> NAMES = List.of("flow", "tab", "table", "pager", "json");

    /** A column: its key (json), its title (the others) and flags. */
    record Header(String key, String title, int flags) {

        static Header simple(String name) {
            return new Header(name, name, 0);
        }

        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    /** Adds a column; all are added before the first value. */
    void header(Header header);

    /** The next value. */
    void print(String value);

    /**
     * The next value, read to its end from {@code content} with CRLF line ends turned to LF, as a
     * message stored with LF line ends (Maildir, mbox) comes out of Dovecot's doveadm.
     */
    void printStream(InputStream content) throws IOException;

    /** Ends the output (a table's buffered rows, a pending line end, json's closing bracket). */
    void flush();

    /**
     * The formatter of that name on {@code out}.
     *
     * @throws DoveadmException {@code Unknown print formatter} as doveadm says it
     */
    static DoveadmPrinter of(String name, PrintStream out) {
        return switch (name) {
            case "flow" -> new Printers.Flow(out);
            case "tab" -> new Printers.Tab(out);
            case "pager" -> new Printers.Pager(out);
            case "json" -> new Printers.Json(out);
            case "table" -> new TablePrinter(out);
            default -> throw DoveadmException.fatal("Unknown print formatter: " + name);
        };
    }
}
