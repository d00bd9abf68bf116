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

    /** The byte-at-a-time conversion the writer's bulk copy must match exactly. */
    private static MessageFileWriter.Sizes reference(byte[] in, java.io.ByteArrayOutputStream out) {
        long bareLf = 0;
        int last = -1;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                continue; // the CR of a CRLF is dropped
            }
            if (b == '\n' && last != '\r') {
                bareLf++;
            }
            out.write(b);
            last = b;
        }
        return new MessageFileWriter.Sizes(out.size(), out.size() + bareLf);
    }

    @Test
    void bulkCopyMatchesTheByteWiseConversionOnRandomInputAndReadSizes() throws Exception {
        java.util.Random random = new java.util.Random(42);
        byte[] alphabet = {'\r', '\n', 'a', '.', ' ', (byte) 0xe9};
        for (int round = 0; round < 300; round++) {
            byte[] in = new byte[random.nextInt(round < 100 ? 40 : 200_000)];
            for (int i = 0; i < in.length; i++) {
                in[i] = alphabet[random.nextInt(alphabet.length)];
            }
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            MessageFileWriter.Sizes want = reference(in, expected);
            int chunk = 1 + random.nextInt(round % 2 == 0 ? 7 : 100_000);
            InputStream chunked = new FilterInputStream(new ByteArrayInputStream(in)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, chunk));
                }
            };
            Path f = dir.resolve("r" + round);
            assertEquals(want, MessageFileWriter.write(f, chunked, Instant.now()), "round " + round);
            assertArrayEquals(expected.toByteArray(), Files.readAllBytes(f), "round " + round);
        }
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
