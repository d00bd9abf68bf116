package io.tegami.pop3.session;

import io.tegami.pop3.maildrop.Maildrop;

/**
 * The counters of Dovecot's {@code pop3_logout_format} ({@code top=%t/%p, retr=%r/%b, del=%d/%m,
 * size=%s}): TOP and RETR commands and the bytes they sent, deletions, the maildrop at login and
 * the session's input and output bytes.
 */
public final class SessionStats {

    private long topCount;
    private long topBytes;
    private long retrCount;
    private long retrBytes;
    private long input;
    private long output;
    private boolean deleteSucceeded;

    public void top(long bytes) {
        topCount++;
        topBytes += bytes;
    }

    public void retr(long bytes) {
        retrCount++;
        retrBytes += bytes;
    }

    public void input(long bytes) {
        input += bytes;
    }

    public void output(long bytes) {
        output += bytes;
    }

    /** The UPDATE state removed the marked messages: {@code %d} counts them from now on. */
    public void deleteSucceeded() {
        deleteSucceeded = true;
    }

    /**
     * Expands a logout format: {@code %t %p} TOP count and bytes, {@code %r %b} RETR count and
     * bytes, {@code %d} messages deleted (0 unless QUIT removed them), {@code %m %s} messages and
     * bytes at login, {@code %i %o} bytes in and out, {@code %%}; also the long names
     * ({@code %{retr_count}}). Unknown keys expand to nothing.
     */
    public String format(String template, Maildrop maildrop) {
        StringBuilder sb = new StringBuilder(template.length() + 16);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%' || i + 1 >= template.length()) {
                sb.append(c);
                continue;
            }
            char key = template.charAt(++i);
            String name = String.valueOf(key);
            if (key == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    sb.append(template, i - 1, template.length());
                    break;
                }
                name = template.substring(i + 1, end);
                i = end;
            }
            sb.append(value(name, maildrop));
        }
        return sb.toString();
    }

    private String value(String name, Maildrop m) {
        long deleted = deleteSucceeded && m != null ? m.deletedCount() : 0;
        return switch (name) {
            case "%" -> "%";
            case "t", "top_count" -> Long.toString(topCount);
            case "p", "top_bytes" -> Long.toString(topBytes);
            case "r", "retr_count" -> Long.toString(retrCount);
            case "b", "retr_bytes" -> Long.toString(retrBytes);
            case "d", "deleted_count" -> Long.toString(deleted);
            case "deleted_bytes" -> Long.toString(deleteSucceeded && m != null ? m.deletedSize() : 0);
            case "m", "message_count" -> Long.toString(m == null ? 0 : m.count());
            case "s", "message_bytes" -> Long.toString(m == null ? 0 : m.totalSize());
            case "i", "input" -> Long.toString(input);
            case "o", "output" -> Long.toString(output);
            default -> "";
        };
    }
}
