package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tegami.api.net.Line;

class LineDecoderTest {

    /** Records what the decoder delivers as readable strings: "text<ENDING>" or "#bytes" / "#bytes$" (last). */
    static final class Recorder implements LineDecoder.Sink {
        final List<String> out = new ArrayList<>();
        Consumer<Line> onLine = l -> { };
        boolean accepting = true;

        @Override
        public boolean accepting() {
            return accepting;
        }

        @Override
        public void line(Line line) {
            out.add(line.toString());
            onLine.accept(line);
        }

        @Override
        public void bytes(ByteBuffer chunk, boolean last) {
            byte[] b = new byte[chunk.remaining()];
            chunk.get(b);
            out.add("#" + new String(b, StandardCharsets.UTF_8) + (last ? "$" : ""));
        }
    }

    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private static List<String> decode(int max, String... pieces) {
        LineDecoder d = new LineDecoder(max);
        Recorder r = new Recorder();
        for (String p : pieces) {
            d.feed(buf(p), r);
        }
        return r.out;
    }

    /** Decodes {@code input} whole, byte by byte, and split at every single position: all must agree. */
    private static List<String> decodeEverySplit(int max, String input) {
        List<String> whole = decode(max, input);
        assertEquals(whole, decode(max, input.split("")), "byte by byte");
        for (int i = 0; i <= input.length(); i++) {
            assertEquals(whole, decode(max, input.substring(0, i), input.substring(i)), "split at " + i);
        }
        return whole;
    }

    @Test
    void endingsAreReported() {
        assertEquals(List.of("a<CRLF>", "b<LF>", "<CRLF>", "<LF>", "c\rd<CRLF>"),
                decodeEverySplit(100, "a\r\nb\n\r\n\nc\rd\r\n"));
    }

    @Test
    void crAtBufferEndPairsWithLfInNextBuffer() {
        assertEquals(List.of("HELO x<CRLF>"), decode(100, "HELO x\r", "\n"));
        assertEquals(List.of("a<CRLF>"), decode(100, "a", "\r", "\n"));
    }

    @Test
    void bareCrFollowedByTextIsContent() {
        assertEquals(List.of("a\rb<LF>"), decode(100, "a\r", "b\n"));
    }

    @Test
    void incompleteLineWaits() {
        assertEquals(List.of(), decode(100, "no end yet", "\r"));
    }

    @Test
    void longLinesArriveInPiecesWithTheRealEndingLast() {
        assertEquals(List.of("abcd<NONE>", "efgh<NONE>", "ij<CRLF>"), decodeEverySplit(4, "abcdefghij\r\n"));
        assertEquals(List.of("abcd<NONE>", "efgh<LF>"), decodeEverySplit(4, "abcdefgh\n"));
    }

    @Test
    void lineOfExactlyTheMaximumIsWhole() {
        assertEquals(List.of("abcd<CRLF>", "efgh<LF>"), decodeEverySplit(4, "abcd\r\nefgh\n"));
    }

    @Test
    void crRightAfterAFullPieceStartsTheNextPiece() {
        assertEquals(List.of("abcd<NONE>", "\rx<CRLF>"), decodeEverySplit(4, "abcd\rx\r\n"));
    }

    @Test
    void maxLineLengthCanChangeBetweenLines() {
        LineDecoder d = new LineDecoder(100);
        Recorder r = new Recorder();
        r.onLine = l -> d.setMaxLineLength(2);
        d.feed(buf("first long line\nabcde\n"), r);
        assertEquals(List.of("first long line<LF>", "ab<NONE>", "cd<NONE>", "e<LF>"), r.out);
        assertThrows(IllegalArgumentException.class, () -> d.setMaxLineLength(0));
    }

    @Test
    void countedBytesFollowTheLineThatAskedForThemAtEverySplit() {
        String input = "LIT {5}\r\nhel\r\nNEXT\r\n";
        for (int at = 0; at <= input.length(); at++) {
            LineDecoder d = new LineDecoder(100);
            Recorder r = new Recorder();
            r.onLine = l -> {
                if (l.text().startsWith("LIT")) {
                    d.readBytes(5);
                }
            };
            d.feed(buf(input.substring(0, at)), r);
            d.feed(buf(input.substring(at)), r);
            List<String> chunks = r.out.subList(1, r.out.size() - 1);
            assertEquals("LIT {5}<CRLF>", r.out.get(0), "split at " + at);
            assertEquals("NEXT<CRLF>", r.out.get(r.out.size() - 1), "split at " + at);
            assertEquals("hel\r\n", String.join("", chunks).replace("#", "").replace("$", ""), "split at " + at);
            for (int i = 0; i < chunks.size(); i++) {
                assertEquals(i == chunks.size() - 1, chunks.get(i).endsWith("$"), "only the last chunk is last");
            }
        }
    }

    @Test
    void countedChunksConcatenateToTheRequestedBytes() {
        LineDecoder d = new LineDecoder(100);
        Recorder r = new Recorder();
        d.readBytes(10);
        d.feed(buf("0123"), r);
        d.feed(buf("456"), r);
        d.feed(buf("789rest\n"), r);
        assertEquals(List.of("#0123", "#456", "#789$", "rest<LF>"), r.out);
    }

    @Test
    void zeroCountDeliversAnEmptyLastChunkAtOnce() {
        LineDecoder d = new LineDecoder(100);
        Recorder r = new Recorder();
        r.onLine = l -> {
            if (l.text().equals("zero")) {
                d.readBytes(0);
            }
        };
        d.feed(buf("zero\nafter\n"), r);
        assertEquals(List.of("zero<LF>", "#$", "after<LF>"), r.out);
        d.readBytes(0);
        d.feed(Unpooled.EMPTY_BUFFER, r);
        assertEquals("#$", r.out.get(r.out.size() - 1));
        assertThrows(IllegalArgumentException.class, () -> d.readBytes(-1));
    }

    @Test
    void stoppingTheSinkDropsTheRestOfTheBufferAndResetForgetsPartialInput() {
        LineDecoder d = new LineDecoder(100);
        Recorder r = new Recorder();
        r.onLine = l -> {
            if (l.text().equals("STARTTLS")) {
                r.accepting = false;
                d.reset();
            }
        };
        ByteBuf in = buf("STARTTLS\r\nMAIL FROM:<evil>\r\nRCPT");
        d.feed(in, r);
        assertEquals(List.of("STARTTLS<CRLF>"), r.out);
        r.accepting = true;
        d.feed(buf("EHLO x\r\n"), r);
        assertEquals(List.of("STARTTLS<CRLF>", "EHLO x<CRLF>"), r.out);

        d.feed(buf("partial line\r"), r);
        d.reset();
        d.feed(buf("\nfresh\r\n"), r);
        assertEquals(List.of("STARTTLS<CRLF>", "EHLO x<CRLF>", "<LF>", "fresh<CRLF>"), r.out,
                "a CR pending before reset must not pair with a later LF");
    }
}
