package io.tegami.shell.check;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that each listener's address and port is free, or bound by this process: a port held by
 * another program means the listener cannot serve ({@code error}), one Tegami itself holds is the
 * normal state while it runs. Who holds a port is read from Linux's {@code /proc/net/tcp*} and
 * this process's {@code /proc/self/fd}; elsewhere a held port is only a warning.
 */
final class PortCheck {

    private static final Path PROC = Path.of("/proc");

    private final Path proc;

    PortCheck() {
        this(PROC);
    }

    /** @param proc the proc file system's root (tests point it elsewhere) */
    PortCheck(Path proc) {
        this.proc = proc;
    }

    /** One bind a listener makes. */
    record Bind(String listener, String host, int port) {
    }

    void check(List<Bind> binds, Findings findings) {
        Set<String> seen = new HashSet<>();
        for (Bind b : binds) {
            if (b.port() == 0 || !seen.add(b.host() + " " + b.port())) {
                continue; // an ephemeral port, or the same address twice
            }
            String where = "listener " + b.listener() + ": " + shown(b.host()) + ":" + b.port();
            InetSocketAddress address;
            try {
                address = wildcard(b.host()) ? new InetSocketAddress(b.port())
                        : new InetSocketAddress(InetAddress.getByName(b.host()), b.port());
            } catch (UnknownHostException e) {
                findings.error(where + ": unknown address");
                continue;
            }
            String failure = tryBind(address);
            if (failure == null) {
                continue;
            }
            if (!failure.toLowerCase(Locale.ROOT).contains("in use")) {
                findings.error(where + ": cannot bind: " + failure);
                continue;
            }
            Boolean ours = ours(b.port());
            if (ours == null) {
                findings.warning(where + ": in use (by Tegami or another program; /proc cannot tell here)");
            } else if (!ours) {
                findings.error(where + ": in use by another program");
            }
        }
    }

    /** Null if the address could be bound (and was released at once), else why not. */
    static String tryBind(InetSocketAddress address) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // a port in TIME_WAIT is free for the listener too
            s.bind(address);
            return null;
        } catch (BindException e) {
            return e.getMessage() == null ? "Address already in use" : e.getMessage();
        } catch (IOException | SecurityException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /**
     * Whether a listening socket on {@code port} belongs to this process: true, false, or null
     * when /proc does not tell.
     */
    Boolean ours(int port) {
        Set<String> listening = new HashSet<>();
        boolean readable = false;
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            Path file = proc.resolve(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            readable = true;
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (f.length > 9 && f[3].equals("0A") && f[1].contains(":")
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        listening.add(f[9]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }
        if (!readable) {
            return null;
        }
        if (listening.isEmpty()) {
            return true; // nothing listens: the bind failed for a moment only; nobody else holds it
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && listening.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            return null;
        }
        return false;
    }

    static boolean wildcard(String host) {
        return host.equals("*") || host.equals("all") || host.equals("::") || host.equals("0.0.0.0");
    }

    private static String shown(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
