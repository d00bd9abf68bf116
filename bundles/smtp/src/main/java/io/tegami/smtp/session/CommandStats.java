package io.tegami.smtp.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-command success and total counts for Postfix's disconnect line
 * ({@code ehlo=1 mail=1 rcpt=0/1 data=1 quit=1 commands=4/5}), in command-table order.
 */
public final class CommandStats {

    private static final String UNKNOWN = "unknown";

    private final Map<String, int[]> counts = new LinkedHashMap<>();

    /** @param verbs the known verbs, in the order the log line lists them */
    public CommandStats(List<String> verbs) {
        for (String verb : verbs) {
            counts.put(verb.toLowerCase(Locale.ROOT), new int[2]);
        }
        counts.put(UNKNOWN, new int[2]);
    }

    /** Counts one command; a verb not known here counts as {@code unknown}. */
    public void record(String verb, boolean success) {
        String key = verb == null ? UNKNOWN : verb.toLowerCase(Locale.ROOT);
        int[] c = counts.getOrDefault(key, counts.get(UNKNOWN));
        if (success) {
            c[0]++;
        }
        c[1]++;
    }

    /** The statistics part of the disconnect line, starting with a space. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        int success = 0;
        int total = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[1] == 0) {
                continue;
            }
            sb.append(' ').append(e.getKey()).append('=').append(c[0]);
            if (c[0] != c[1]) {
                sb.append('/').append(c[1]);
            }
            success += c[0];
            total += c[1];
        }
        // "0/0" marks a session without any command, as Postfix does for log analyzers.
        sb.append(" commands=").append(success);
        if (success != total || total == 0) {
            sb.append('/').append(total);
        }
        return sb.toString();
    }
}
