package io.tegami.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.sieve.SieveResult.HeaderEdit;

/**
 * Applies a script's editheader changes (RFC 5293) to the copy that is stored or redirected:
 * only the header section is rewritten in memory; the body streams from the spool file.
 */
final class HeaderEdits {

    private HeaderEdits() {
    }

    /** The message content with the edits applied; the caller closes it. */
    static InputStream open(QueuedMessage message, List<HeaderEdit> edits) throws IOException {
        if (edits.isEmpty()) {
            return message.openContent();
        }
        InputStream in = new BufferedInputStream(message.openContent());
        try {
            HeaderSection h = HeaderSection.read(in);
            byte[] head = rewrite(h, edits).getBytes(StandardCharsets.ISO_8859_1);
            return new SequenceInputStream(new ByteArrayInputStream(head), in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static String rewrite(HeaderSection h, List<HeaderEdit> edits) {
        List<String> prepends = new ArrayList<>();
        List<String> appends = new ArrayList<>();
        Map<String, List<Integer>> deletes = new HashMap<>();
        for (HeaderEdit e : edits) {
            switch (e.kind()) {
                case PREPEND -> prepends.add(0, field(e));
                case APPEND -> appends.add(field(e));
                case DELETE -> deletes.computeIfAbsent(HeaderSection.lower(e.name()), k -> new ArrayList<>())
                        .add(e.occurrence());
            }
        }
        StringBuilder out = new StringBuilder();
        prepends.forEach(out::append);
        Map<String, Integer> seen = new HashMap<>();
        for (HeaderSection.Field f : h.fields) {
            String key = HeaderSection.lower(f.name());
            int n = seen.merge(key, 1, Integer::sum);
            if (!deletes.getOrDefault(key, List.of()).contains(n)) {
                out.append(f.raw());
            }
        }
        appends.forEach(out::append);
        out.append(h.separator.isEmpty() && !appends.isEmpty() ? "" : h.separator);
        return out.toString();
    }

    /** A field as bytes in ISO-8859-1 chars (UTF-8 values survive), no line breaks injected. */
    private static String field(HeaderEdit e) {
        String line = e.name() + ": " + e.value().replace("\r", "").replace("\n", " ") + "\n";
        return new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
