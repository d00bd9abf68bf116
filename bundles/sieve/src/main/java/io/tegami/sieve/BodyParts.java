package io.tegami.sieve;

import io.tegami.api.sieve.SieveMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * The body as the body test sees it: raw, or the decoded leaf parts of chosen content types.
 * Each part is read up to {@link #MAX_PART} characters so that a huge attachment cannot exhaust
 * memory; Pigeonhole also limits what it inspects.
 */
final class BodyParts {

    /** Most characters of one part that are matched. */
    static final int MAX_PART = 1 << 20;

    private BodyParts() {
    }

    static List<String> raw(SieveMessage message) throws IOException {
        try (InputStream in = message.body()) {
            return List.of(read(in, StandardCharsets.UTF_8));
        }
    }

    /** Leaf parts whose type matches one of the types ({@code text}, {@code text/html}, {@code ""} for all). */
    static List<String> content(SieveMessage message, List<String> types) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String name : List.of("MIME-Version", "Content-Type", "Content-Transfer-Encoding")) {
            for (String v : message.header(name)) {
                head.append(name).append(": ").append(v).append("\r\n");
            }
        }
        head.append("\r\n");
        List<String> out = new ArrayList<>();
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        try (InputStream body = message.body()) {
            stream.parse(new SequenceInputStream(
                    new ByteArrayInputStream(head.toString().getBytes(StandardCharsets.UTF_8)), body));
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s == EntityState.T_BODY && wanted(stream.getBodyDescriptor().getMimeType(), types)) {
                    Charset cs;
                    try {
                        cs = Charset.forName(stream.getBodyDescriptor().getCharset());
                    } catch (RuntimeException e) {
                        cs = StandardCharsets.US_ASCII;
                    }
                    out.add(read(stream.getDecodedInputStream(), cs));
                }
            }
        } catch (MimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out;
    }

    private static boolean wanted(String mimeType, List<String> types) {
        String type = mimeType.toLowerCase(Locale.ROOT);
        for (String t : types) {
            String want = t.toLowerCase(Locale.ROOT);
            if (want.isEmpty() || type.equals(want) || (!want.contains("/") && type.startsWith(want + "/"))) {
                return true;
            }
        }
        return false;
    }

    private static String read(InputStream in, Charset cs) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PART);
        return new String(bytes, cs);
    }
}
