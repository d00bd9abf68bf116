package io.tegami.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The distribution installed into a test home, run through its own scripts as an admin would:
 * {@code bin/tegami start|stop} and {@code bin/tegami-ctl}. The test's configs/ and data/ are kept.
 */
final class InstalledTegami {

    final TestHome ports;
    final Path home;

    private InstalledTegami(TestHome ports) {
        this.ports = ports;
        this.home = ports.home;
    }

    /** Copies the built distribution into {@code ports.home}, keeping its configs/ and data/. */
    static InstalledTegami install(TestHome ports) throws IOException {
        copyTree(TegamiOptions.distribution(), ports.home, Set.of("data", "logs", "configs"));
        return new InstalledTegami(ports);
    }

    Processes.Result tegami(String action) throws Exception {
        return Processes.run(home, 90, home.resolve("bin/tegami").toString(), action);
    }

    Processes.Result ctl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = home.resolve("bin/tegami-ctl").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Processes.run(home, 60, cmd);
    }

    /** The running server's process id, from data/tegami.pid. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/tegami.pid")).trim());
    }

    /** Sends SIGKILL to the server and waits until the process is gone. */
    void kill9() throws Exception {
        long pid = pid();
        Processes.Result killed = Processes.run(home, 10, "kill", "-9", Long.toString(pid));
        if (killed.exitCode() != 0) {
            throw new AssertionError("kill -9 " + pid + " failed: " + killed);
        }
        awaitDeath(pid);
    }

    String log() throws IOException {
        return Files.readString(home.resolve("logs/tegami.log"));
    }

    static void awaitDeath(long pid) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("process " + pid + " still alive");
            }
            Thread.sleep(50);
        }
    }

    private static void copyTree(Path from, Path to, Set<String> skipTopLevel) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path src : files.toList()) {
                Path rel = from.relativize(src);
                if (rel.getNameCount() > 0 && skipTopLevel.contains(rel.getName(0).toString())) {
                    continue;
                }
                Path dst = to.resolve(rel.toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(to.resolve("logs"));
        for (String script : List.of("bin/tegami", "bin/tegami-ctl")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(to.resolve(script));
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(to.resolve(script), perms);
        }
    }
}
