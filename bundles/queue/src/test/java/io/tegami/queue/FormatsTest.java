package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.tegami.api.mail.MailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small formats: log durations, header copying, DSN fields, the bounce and defer logs. */
class FormatsTest {

    @TempDir
    Path dir;

    @Test
    void delaysArePrintedLikePostfix() {
        assertEquals("0", DeliveryLog.seconds(Duration.ZERO));
        assertEquals("0", DeliveryLog.seconds(Duration.ofMillis(3)));
        assertEquals("0.12", DeliveryLog.seconds(Duration.ofMillis(123)));
        assertEquals("0.1", DeliveryLog.seconds(Duration.ofMillis(100)));
        assertEquals("2", DeliveryLog.seconds(Duration.ofSeconds(2)));
        assertEquals("12.3", DeliveryLog.seconds(Duration.ofMillis(12_345)));
        assertEquals("3025", DeliveryLog.seconds(Duration.ofSeconds(3025)));
        assertEquals("0", DeliveryLog.seconds(Duration.ofSeconds(-5)), "clock steps never go negative");
        assertEquals("0.01", DeliveryLog.seconds(Duration.ofMillis(10)));
        assertEquals("0.05", DeliveryLog.seconds(Duration.ofMillis(48)), "rounded half up");
        assertEquals("1.05", DeliveryLog.seconds(Duration.ofMillis(1050)));
        assertEquals("1.5", DeliveryLog.seconds(Duration.ofMillis(1499)));
        assertEquals("10", DeliveryLog.seconds(Duration.ofMillis(9_996)), "rounding up to the next range");
        assertEquals("100", DeliveryLog.seconds(Duration.ofMillis(99_960)));
        assertEquals("12", DeliveryLog.seconds(Duration.ofMillis(12_040)));
        assertEquals("124", DeliveryLog.seconds(Duration.ofMillis(123_500)));
    }

    private static String headers(String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HeaderSection.copy(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headerSectionStopsAtTheFirstEmptyLine() throws IOException {
        assertEquals("A: 1\nB: 2\n continued\n", headers("A: 1\nB: 2\n continued\n\nbody\n\nmore\n"));
        assertEquals("A: 1\n", headers("A: 1\r\n\r\nbody"));
        assertEquals("A: 1\n", headers("A: 1"), "a header without end gets its line break");
        assertEquals("", headers("\nbody only\n"));
        assertEquals("", headers(""));
    }

    @Test
    void statusOfAFailedActionIsPermanentAndFieldsStayOnOneLine() {
        assertEquals("5.1.1", DsnComposer.permanent("5.1.1"));
        assertEquals("5.4.7", DsnComposer.permanent("4.4.7"));
        assertEquals("said: 550 no such user", DsnComposer.oneLine("said:\r\n550\tno such user"));
    }

    @Test
    void dsnNamesTheRemoteMtaForRemoteFailures() throws IOException {
        DsnComposer c = new DsnComposer("mx.example.org", ZoneOffset.UTC);
        BounceLog.Entry e = new BounceLog.Entry(MailAddress.parse("x@remote.test"), "5.7.1", "mx.remote.test[192.0.2.9]:25",
                "host mx.remote.test said: 550 5.7.1 rejected\r\nInjected: header", Instant.parse("2024-06-04T10:15:30Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.write(new DsnComposer.Report("0000000000B1", "0000000000A1", MailAddress.parse("a@example.org"),
                Instant.parse("2024-06-04T10:00:00Z"), List.of(e),
                () -> new ByteArrayInputStream("Subject: s\n\nb\n".getBytes(StandardCharsets.US_ASCII))),
                Instant.parse("2024-06-04T10:16:00Z"), out);
        String dsn = out.toString(StandardCharsets.UTF_8);
        assertTrue(dsn.contains("\nRemote-MTA: dns; mx.remote.test\n"), dsn);
        assertTrue(dsn.contains("\nArrival-Date: Tue, 4 Jun 2024 10:00:00 +0000\n"), dsn);
        assertTrue(dsn.contains("\nDiagnostic-Code: X-Tegami; host mx.remote.test said: 550 5.7.1 rejected Injected: header\n"));
        assertTrue(dsn.contains("\nMessage-Id: <20240604101600.0000000000B1@mx.example.org>\n"));
        assertTrue(!dsn.contains("\nInjected:"), "no header injection through diagnostics");
    }

    @Test
    void bounceLogKeepsOneEntryPerRecipientAndIgnoresATornLastLine() throws IOException {
        Path log = dir.resolve("bounce");
        Instant t = Instant.parse("2024-06-04T10:00:00Z");
        BounceLog.append(log, new BounceLog.Entry(MailAddress.parse("a b@example.org"), "5.1.1", "local", "first try", t));
        BounceLog.append(log, new BounceLog.Entry(MailAddress.parse("c@example.org"), "5.2.2", "local", "full\nreally", t));
        BounceLog.append(log, new BounceLog.Entry(MailAddress.parse("a b@example.org"), "5.1.1", "local", "again", t));
        Files.writeString(log, "half a line with no end", java.nio.file.StandardOpenOption.APPEND);
        List<BounceLog.Entry> entries = BounceLog.read(log);
        assertEquals(2, entries.size());
        assertEquals("again", entries.get(0).detail());
        assertEquals("a b", entries.get(0).recipient().localPart());
        assertEquals("full\nreally", entries.get(1).detail());
        assertEquals(List.of(), BounceLog.read(dir.resolve("none")));
    }

    @Test
    void deferStateRoundTripsAndADamagedOneIsNoState() throws IOException {
        Path f = dir.resolve("defer");
        new DeferState(3, Instant.ofEpochMilli(1_717_000_000_123L), "4.4.1 connect to x: refused").write(f);
        assertEquals(new DeferState(3, Instant.ofEpochMilli(1_717_000_000_123L), "4.4.1 connect to x: refused"),
                DeferState.read(f).orElseThrow());
        Files.writeString(f, "attempts many\n");
        assertTrue(DeferState.read(f).isEmpty());
        assertTrue(DeferState.read(dir.resolve("missing")).isEmpty());
    }
}
