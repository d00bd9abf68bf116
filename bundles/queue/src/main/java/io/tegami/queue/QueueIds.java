package io.tegami.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Makes Postfix-style queue ids: twelve upper-case hex digits of the time in microseconds.
 *
 * <p>The value never repeats within a process: when two ids are asked for in the same microsecond
 * (or the clock steps back) the counter simply moves one past the last id given. 48 bits of
 * microseconds wrap after about 8.9 years, far beyond any queue lifetime. Uniqueness on disk is
 * still checked by the writer (CREATE_NEW plus a look in the other queues), which covers a second
 * instance during a bundle update and a clock set back across a restart.
 */
final class QueueIds {

    /** What a queue id looks like; anything else in a queue directory is not a message. */
    static final Pattern FORMAT = Pattern.compile("[0-9A-F]{12}");

    private static final long MASK = (1L << 48) - 1;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    QueueIds(Clock clock) {
        this.clock = clock;
    }

    /** A new id, different from every id this generator gave before. */
    String next() {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        long value = last.accumulateAndGet(micros, (prev, t) -> Math.max(prev + 1, t));
        return hex12(value & MASK);
    }

    /** Twelve upper-case hex digits (String.format costs more than the rest of a commit's CPU). */
    static String hex12(long value) {
        char[] out = new char[12];
        for (int i = 11; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(out);
    }

    /** True if {@code name} has the form of a queue id (used to skip temporary and foreign files). */
    static boolean isQueueId(String name) {
        return FORMAT.matcher(name).matches();
    }
}
