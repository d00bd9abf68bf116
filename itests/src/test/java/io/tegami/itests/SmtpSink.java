package io.tegami.itests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Postfix's smtp-sink(1) as a test peer: an SMTP server that accepts (or, with {@code -f RCPT},
 * rejects) everything and dumps each transaction into a file of its own ({@code -d}), with
 * {@code X-Mail-Args:} and {@code X-Rcpt-Args:} lines before the message.
 */
final class SmtpSink implements AutoCloseable {

    private final Process process;
    private final Path dumps;
    private final String address;
    private final int port;

    private SmtpSink(Process process, Path dumps, String address, int port) {
        this.process = process;
        this.dumps = dumps;
        this.address = address;
        this.port = port;
    }

    /**
     * Starts {@code smtp-sink} on {@code address:port}, dumping into a new folder.
     *
     * @param options more smtp-sink options ({@code -f}, {@code RCPT} to reject recipients)
     */
    static SmtpSink start(String address, int port, String... options) throws Exception {
        Path sink = Path.of("/usr/sbin/smtp-sink");
        if (!Files.isExecutable(sink)) {
            throw new AssertionError("smtp-sink is missing: install the Debian package postfix (itests/peers.txt)");
        }
        // Under /tmp, world-writable: as root smtp-sink writes as "nobody", who cannot enter the
        // test's home (temporary folders are 0700).
        Path dumps = Files.createTempDirectory("tegami-smtp-sink-");
        Files.setPosixFilePermissions(dumps, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> cmd = new ArrayList<>(List.of(sink.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody")); // required as root; it drops to that user
        }
        cmd.addAll(List.of("-d", dumps + "/%Y%m%d%H%M%S."));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(address + ":" + port, "10"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dumps.resolveSibling(dumps.getFileName() + ".log").toFile()).start();
        SmtpSink s = new SmtpSink(p, dumps, address, port);
        s.awaitListening();
        return s;
    }

    private void awaitListening() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("smtp-sink exited with " + process.exitValue());
            }
            try (Socket s = new Socket(InetAddress.getByName(address), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("smtp-sink does not listen on " + address + ":" + port);
    }

    /** The dumped transactions so far, each as text. */
    List<String> messages() throws IOException {
        try (Stream<Path> files = Files.list(dumps)) {
            List<String> out = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                out.add(Files.readString(f, StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** Waits for a dumped transaction containing {@code marker}. */
    String await(String marker, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            for (String m : messages()) {
                if (m.contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("smtp-sink got no message with " + marker + "; it has " + messages());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
