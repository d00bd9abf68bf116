package io.tegami.shell.queue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the header section of a submitted message, at most {@code header_size_limit} bytes of it:
 * what follows the limit is body, as in Postfix's cleanup. A leading Unix {@code From } line (an
 * mbox separator, not a header) is skipped, as Postfix's sendmail skips it.
 *
 * @param fields the header fields in order
 * @param blankLine true if the header ended with an empty line
 * @param firstBodyLine the line that ended the header by not being a header line, or null
 */
record HeaderReader(List<Pickup.Field> fields, boolean blankLine, MessageInput.Line firstBodyLine) {

    private static final int LINE_PIECE = 64 * 1024;

    static HeaderReader read(MessageInput input, long limit) throws IOException {
        List<Pickup.Field> fields = new ArrayList<>();
        long used = 0;
        boolean first = true;
        MessageInput.Line line;
        while ((line = input.next(LINE_PIECE)) != null) {
            byte[] bytes = line.bytes();
            if (first && startsWithFrom(bytes) && line.complete()) {
                first = false;
                continue;
            }
            first = false;
            if (line.isEmpty()) {
                return new HeaderReader(fields, true, null);
            }
            boolean whole = line.complete() || input.atEnd();
            used += bytes.length + 1;
            if (!whole || used > limit) {
                return new HeaderReader(fields, false, line);
            }
            String name = Pickup.fieldName(bytes);
            if (Pickup.isContinuation(bytes) && !fields.isEmpty()) {
                fields.get(fields.size() - 1).lines().add(bytes);
            } else if (name != null) {
                List<byte[]> lines = new ArrayList<>();
                lines.add(bytes);
                fields.add(new Pickup.Field(name, lines));
            } else {
                return new HeaderReader(fields, false, line);
            }
        }
        return new HeaderReader(fields, false, null);
    }

    private static boolean startsWithFrom(byte[] b) {
        return b.length >= 5 && b[0] == 'F' && b[1] == 'r' && b[2] == 'o' && b[3] == 'm' && b[4] == ' ';
    }

    /** The submitted Message-Id, if any, for the log. */
    Optional<String> messageId() {
        return fields.stream().filter(f -> f.is("Message-Id")).findFirst()
                .map(f -> new String(f.lines().get(0), StandardCharsets.UTF_8))
                .map(l -> l.substring(l.indexOf(':') + 1).strip());
    }
}
