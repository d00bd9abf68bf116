package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modseq log's crash reserve, and the header cache's reading of header sections. */
class ModSeqLogTest {

    @TempDir
    Path dir;

    @Test
    void aNewViewHandsOutModSeqsAboveWhatACrashMayHaveLost() throws IOException {
        ModSeqLog log = new ModSeqLog(dir);
        log.create(7, 10, Map.of());
        long first = log.next();
        assertTrue(first > 10);
        log.append(7, first, Map.of(1L, "S"), List.of());
        for (int i = 0; i < 5; i++) {
            log.append(7, log.next(), Map.of(1L, i % 2 == 0 ? "" : "S"), List.of());
        }
        assertEquals(first + 6, log.next(), "one view counts on by one");
        ModSeqLog after = new ModSeqLog(dir); // as after a restart
        after.load(7);
        assertEquals(log.highest(), after.highest());
        assertTrue(after.next() > log.highest() + ModSeqLog.UNSYNCED_MAX - 1,
                "the appends a crash may lose stay below the next modseq");
    }

    @Test
    void headerSectionsAreCutAtTheEmptyLine() throws IOException {
        assertArrayEquals(bytes("A: b\r\nC: d\r\n\r\n"), HeaderCache.read(in("A: b\r\nC: d\r\n\r\nbody\r\n")));
        assertArrayEquals(bytes("\r\n"), HeaderCache.read(in("\r\nbody")));
        assertArrayEquals(bytes("A: only\r\n"), HeaderCache.read(in("A: only\r\n")));
        String big = "X: " + "y".repeat(HeaderCache.MAX_HEADER) + "\r\n\r\nbody";
        assertNull(HeaderCache.read(in(big)), "too big to keep");
        String edge = "X: " + "y".repeat(5000) + "\r\n" + "Z: " + "w".repeat(3000) + "\r\n\r\nbody";
        assertArrayEquals(bytes(edge.substring(0, edge.indexOf("body"))), HeaderCache.read(in(edge)));
    }

    @Test
    void theCacheKeepsWhatItRead() throws IOException {
        Path f = dir.resolve("msg");
        Files.writeString(f, "Subject: hi\nFrom: a@b\n\nbody\n", StandardCharsets.US_ASCII);
        HeaderCache cache = new HeaderCache();
        assertNull(cache.get("msg"));
        assertArrayEquals(bytes("Subject: hi\r\nFrom: a@b\r\n\r\n"), cache.load("msg", f));
        assertArrayEquals(bytes("Subject: hi\r\nFrom: a@b\r\n\r\n"), cache.get("msg"));
        cache.remove("msg");
        assertNull(cache.get("msg"));
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
