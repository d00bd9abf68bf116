package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The formatters against doveadm-print-*.c, fed as Dovecot's commands feed them. */
class PrintersTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private DoveadmPrinter printer(String name, DoveadmPrinter.Header... headers) {
        bytes.reset();
        DoveadmPrinter p = DoveadmPrinter.of(name, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (DoveadmPrinter.Header h : headers) {
            p.header(h);
        }
        return p;
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream crlf(String s) {
        return new ByteArrayInputStream(s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pagerStreamsValuesUnderATitleLineAndSeparatesRowsWithFormFeeds() throws Exception {
        DoveadmPrinter p = printer("pager", DoveadmPrinter.Header.simple("uid"), DoveadmPrinter.Header.simple("body"));
        p.print("1");
        p.printStream(crlf("Hello 1\nline two\n"));
        p.print("2");
        p.printStream(crlf("Hello 2\n"));
        p.flush();
        assertEquals("uid: 1\nbody:\nHello 1\nline two\n\f\nuid: 2\nbody:\nHello 2\n", out());
    }

    @Test
    void flowHidesHiddenTitlesAndEndsAPartialRow() throws Exception {
        DoveadmPrinter p = printer("flow", new DoveadmPrinter.Header("mailbox", "mailbox", DoveadmPrinter.HIDE_TITLE),
                DoveadmPrinter.Header.simple("messages"));
        p.print("INBOX");
        p.print("3");
        p.print("Sent");
        p.flush();
        assertEquals("INBOX messages=3\nSent \n", out()); // the separator is written before flush's line end
    }

    @Test
    void tabWritesTitlesEvenWithoutRows() {
        DoveadmPrinter p = printer("tab", DoveadmPrinter.Header.simple("a"), DoveadmPrinter.Header.simple("b"));
        p.flush();
        assertEquals("a\tb\n", out());
    }

    @Test
    void jsonEscapesAndStreams() throws Exception {
        DoveadmPrinter p = printer("json", DoveadmPrinter.Header.simple("k"), DoveadmPrinter.Header.simple("v"));
        p.print("a\"b\\");
        p.printStream(crlf("x\ty\n"));
        p.flush();
        assertEquals("[{\"k\":\"a\\\"b\\\\\",\"v\":\"x\\ty\\n\"}]", out());
        printer("json", DoveadmPrinter.Header.simple("k")).flush();
        assertEquals("[]", out());
    }

    @Test
    void loneCarriageReturnsSurvive() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Printers.copyLf(new ByteArrayInputStream("a\rb\r\nc\r".getBytes(StandardCharsets.US_ASCII)), o);
        assertEquals("a\rb\nc\r", o.toString(StandardCharsets.US_ASCII));
    }
}
