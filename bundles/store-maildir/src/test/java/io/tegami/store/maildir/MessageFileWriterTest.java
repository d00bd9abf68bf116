package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageFileWriterTest {

    @TempDir
    Path dir;

    /** Hands out one byte per read, so that every CR/LF pair is split across reads. */
    static InputStream trickle(byte[] data) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // input (escaped)          | stored          | size | vsize
        "a\\r\\nb\\r\\n             | a\\nb\\n        | 4    | 6",
        "a\\nb\\n                   | a\\nb\\n        | 4    | 6",
        "a\\rb                      | a\\rb           | 3    | 3",
        "a\\r                       | a\\r            | 2    | 2",
        "\\r\\r\\n                  | \\r\\n          | 2    | 2",
        "x                          | x               | 1    | 1",
        "''                         | ''              | 0    | 0",
    })
    void crlfBecomesLfAndSizesAreCounted(String input, String stored, long size, long vsize) throws Exception {
        byte[] in = unescape(input);
        for (boolean split : new boolean[] {false, true}) {
            Path f = dir.resolve("m" + split);
            MessageFileWriter.Sizes s = MessageFileWriter.write(f,
                    split ? trickle(in) : new ByteArrayInputStream(in), Instant.now());
            assertArrayEquals(unescape(stored), Files.readAllBytes(f));
            assertEquals(new MessageFileWriter.Sizes(size, vsize), s);
        }
    }

    @Test
    void largeMessageAcrossBuffersAndFileAttributes() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("line ").append(i).append("\r\n");
        }
        byte[] crlf = sb.toString().getBytes(StandardCharsets.US_ASCII);
        Instant date = Instant.parse("2020-02-29T12:34:56Z");
        Path f = dir.resolve("big");
        MessageFileWriter.Sizes s = MessageFileWriter.write(f, new ByteArrayInputStream(crlf), date);
        assertEquals(crlf.length, s.vsize());
        assertEquals(crlf.length - 20_000, s.size());
        assertEquals(sb.toString().replace("\r\n", "\n"), Files.readString(f));
        assertEquals(date, Files.getLastModifiedTime(f).toInstant());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path f = dir.resolve("exists");
        Files.writeString(f, "keep");
        assertThrows(FileAlreadyExistsException.class,
                () -> MessageFileWriter.write(f, new ByteArrayInputStream(new byte[1]), Instant.now()));
        assertEquals("keep", Files.readString(f));
    }

    static byte[] unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
