package io.tegami.shell.doveadm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The {@code table} formatter: {@link DoveadmTable} behind the {@link DoveadmPrinter} calls. */
final class TablePrinter implements DoveadmPrinter {

    /** A streamed table value is one line; this bounds what a bad request could make us hold. */
    private static final int MAX_STREAMED = 64 * 1024;

    private final PrintStream out;
    private final List<DoveadmTable.Column> columns = new ArrayList<>();
    private DoveadmTable table;

    TablePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void header(Header header) {
        columns.add(new DoveadmTable.Column(header.title(), header.has(RIGHT_JUSTIFY), header.has(EXPAND),
                header.has(HIDE_TITLE)));
    }

    private DoveadmTable table() {
        if (table == null) {
            table = new DoveadmTable(out, columns);
        }
        return table;
    }

    @Override
    public void print(String value) {
        table().print(value);
    }

    @Override
    public void printStream(InputStream content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Printers.copyLf(content, new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    throw DoveadmException.fatal("table formatter doesn't support multi-line values");
                }
                if (bytes.size() >= MAX_STREAMED) {
                    throw DoveadmException.fatal("table formatter doesn't support values over "
                            + MAX_STREAMED + " bytes");
                }
                bytes.write(b);
            }
        });
        print(bytes.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        if (!columns.isEmpty()) {
            table().flush();
        }
        out.flush();
    }
}
