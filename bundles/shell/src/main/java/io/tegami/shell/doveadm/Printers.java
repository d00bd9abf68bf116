package io.tegami.shell.doveadm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The line-oriented formatters of {@link DoveadmPrinter}: flow, tab, pager and json. */
final class Printers {

    private Printers() {
    }

    /** Copies {@code in} to {@code out}, every CRLF written as LF. */
    static void copyLf(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        boolean cr = false;
        int n;
        while ((n = in.read(buf)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (cr && buf[i] != '\n') {
                    out.write('\r'); // a CR that was not part of CRLF
                }
                cr = false;
                if (buf[i] == '\r') {
                    out.write(buf, start, i - start);
                    start = i + 1;
                    cr = true;
                }
            }
            out.write(buf, start, n - start);
        }
        if (cr) {
            out.write('\r');
        }
    }

    /** Shared bookkeeping: the headers and which one the next value belongs to. */
    private abstract static class Base implements DoveadmPrinter {

        final PrintStream out;
        final List<Header> headers = new ArrayList<>();
        int index;

        Base(PrintStream out) {
            this.out = out;
        }

        @Override
        public void header(Header header) {
            headers.add(header);
        }

        Header current() {
            return headers.get(index);
        }

        /** Ends a row that is still open with a newline, then flushes. */
        void endRowAndFlush() {
            if (index != 0) {
                out.print('\n');
                index = 0;
            }
            out.flush();
        }

        /** Moves to the next header; true when a row just ended. */
        boolean next() {
            if (++index == headers.size()) {
                index = 0;
                return true;
            }
            return false;
        }
    }

    /** {@code key=value} pairs separated by spaces, a row a line; hidden titles show the value alone. */
    static final class Flow extends Base {

        Flow(PrintStream out) {
            super(out);
        }

        private void title() {
            if (!current().has(HIDE_TITLE)) {
                out.print(current().title() + "=");
            }
        }

        private void end() {
            out.print(next() ? "\n" : " ");
        }

        @Override
        public void print(String value) {
            title();
            out.print(value);
            end();
        }

        @Override
        public void printStream(InputStream content) throws IOException {
            title();
            copyLf(content, out);
            end();
        }

        @Override
        public void flush() {
            endRowAndFlush();
        }
    }

    /** A title line, then one line per row, values separated by tabs. */
    static final class Tab extends Base {

        private boolean titlesWritten;

        Tab(PrintStream out) {
            super(out);
        }

        private void titles() {
            if (!titlesWritten) {
                titlesWritten = true;
                List<String> t = headers.stream().map(Header::title).toList();
                out.print(String.join("\t", t) + "\n");
            }
        }

        @Override
        public void print(String value) {
            titles();
            if (index > 0) {
                out.print('\t');
            }
            out.print(value);
            if (next()) {
                out.print('\n');
            }
        }

        @Override
        public void printStream(InputStream content) throws IOException {
            titles();
            if (index > 0) {
                out.print('\t');
            }
            copyLf(content, out);
            if (next()) {
                out.print('\n');
            }
        }

        @Override
        public void flush() {
            titles();
            out.flush();
        }
    }

    /** {@code title: value} lines; rows (pages) are separated by a form feed line. */
    static final class Pager extends Base {

        private boolean firstPage = true;

        Pager(PrintStream out) {
            super(out);
        }

        private void pageBreak() {
            if (index == 0 && !firstPage) {
                out.print("\f\n");
            }
            firstPage = false;
        }

        @Override
        public void print(String value) {
            pageBreak();
            if (!current().has(HIDE_TITLE)) {
                out.print(current().title() + ": ");
            }
            out.print(value + "\n");
            next();
        }

        @Override
        public void printStream(InputStream content) throws IOException {
            pageBreak();
            if (!current().has(HIDE_TITLE)) {
                out.print(current().title() + ":\n");
            }
            copyLf(content, out);
            next();
        }

        @Override
        public void flush() {
            endRowAndFlush();
        }
    }

    /** A JSON array of objects, one per row, every value a string, keyed by the header keys. */
    static final class Json extends Base {

        private boolean started;

        Json(PrintStream out) {
            super(out);
        }

        @Override
        public void print(String value) {
            if (index == 0) {
                out.print(started ? ",{" : "[{");
                started = true;
            } else {
                out.print(',');
            }
            out.print(quote(current().key()) + ":" + quote(value));
            if (next()) {
                out.print('}');
            }
        }

        @Override
        public void printStream(InputStream content) throws IOException {
            // Streamed and escaped byte by byte: a message body is never held in memory.
            if (index == 0) {
                out.print(started ? ",{" : "[{");
                started = true;
            } else {
                out.print(',');
            }
            out.print(quote(current().key()) + ":\"");
            copyLf(content, new OutputStream() {
                @Override
                public void write(int b) {
                    int c = b & 0xff;
                    if (c >= 0x20 && c != '"' && c != '\\') {
                        out.write(c);
                    } else {
                        String q = quote(String.valueOf((char) c));
                        out.print(q.substring(1, q.length() - 1));
                    }
                }
            });
            out.print('"');
            if (next()) {
                out.print('}');
            }
        }

        @Override
        public void flush() {
            out.print(started ? "]" : "[]");
            started = false;
            out.flush();
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
