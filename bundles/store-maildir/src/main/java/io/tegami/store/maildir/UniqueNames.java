package io.tegami.store.maildir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique Maildir base names in the form Dovecot and Python's mailbox module write:
 * {@code <secs>.M<usecs>P<pid>Q<counter>.<hostname>}; with sizes appended once the message is
 * written: {@code ,S=<size>,W=<vsize>}. The pid and per-process counter make names unique within
 * a host; the host name (with '/' and ':' escaped as {@code \057} and {@code \072}) across hosts.
 */
final class UniqueNames {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = escapeHost(hostname());

    private UniqueNames() {
    }

    /** A new base name for a message arriving at {@code now}. */
    static String next(Instant now) {
        return format(now, PID, COUNTER.incrementAndGet(), HOST);
    }

    static String format(Instant now, long pid, long counter, String escapedHost) {
        return now.getEpochSecond() + ".M" + (now.getNano() / 1000) + "P" + pid + "Q" + counter + "." + escapedHost;
    }

    /** The final base name: {@code <unique>,S=<size>,W=<vsize>}. */
    static String withSizes(String unique, long size, long vsize) {
        return unique + ",S=" + size + ",W=" + vsize;
    }

    /** The host name as used in Maildir names. */
    static String host() {
        return HOST;
    }

    /** The pid of this process, written to dot-lock files. */
    static long pid() {
        return PID;
    }

    static String escapeHost(String host) {
        return host.replace("/", "\\057").replace(":", "\\072");
    }

    /** gethostname() as Dovecot uses it; /proc avoids a DNS lookup on Linux. */
    private static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask Java
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
