package io.tegami.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code doveadm quota get} on a copy of a Maildir, with Dovecot's Maildir++ quota
 * backend ({@code quota = maildir:User quota}) and the same rule: a private Dovecot with no
 * protocols runs only for its auth service, which doveadm asks for the user. The copy is handed to
 * nobody, as Dovecot refuses to access mail as root.
 */
final class DoveadmQuota {

    private DoveadmQuota() {
    }

    /** The output of {@code doveadm quota get -u user} for a copy of {@code maildir}. */
    static String get(Path maildir, String user, String rule) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "doveadm-quota-");
        Path copy = dir.resolve("home").resolve(user).resolve("Maildir");
        Files.createDirectories(copy.getParent());
        Processes.Result cp = Processes.run(dir, 30, "cp", "-a", maildir.toString(), copy.toString());
        if (cp.exitCode() != 0) {
            throw new IOException("cp failed: " + cp);
        }
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        String conf = String.join("\n",
                "protocols =",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("state"),
                "instance_name = tegami-quota-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                "log_path = " + dir.resolve("dovecot.log"),
                "ssl = no",
                "mail_location = maildir:~/Maildir",
                "first_valid_uid = 1",
                "mail_plugins = quota",
                "passdb {",
                "  driver = static",
                "  args = password=unused",
                "}",
                "userdb {",
                "  driver = static",
                "  args = uid=" + MaildirDovecot.MAIL_UID + " gid=" + MaildirDovecot.MAIL_UID + " home=" + dir.resolve("home")
                        + "/%u",
                "}",
                "plugin {",
                "  quota = maildir:User quota",
                "  quota_rule = " + rule,
                "}",
                "");
        Path file = dir.resolve("dovecot.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        dir.toFile().setExecutable(true, false);
        MaildirDovecot.handOver(dir.resolve("home"));
        Process dovecot = new ProcessBuilder(MaildirDovecot.BINARY.toString(), "-F", "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        try {
            Path socket = dir.resolve("run").resolve("auth-userdb");
            long deadline = System.currentTimeMillis() + 20_000;
            while (!Files.exists(socket)) {
                if (!dovecot.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IOException("dovecot did not start: " + Files.readString(dir.resolve("dovecot.out")));
                }
                Thread.sleep(100);
            }
            Processes.Result r = Processes.run(dir, 60, "doveadm", "-c", file.toString(), "quota", "get", "-u", user);
            if (r.exitCode() != 0) {
                throw new IOException("doveadm quota get failed: " + r);
            }
            return r.stdout();
        } finally {
            dovecot.destroy();
            if (!dovecot.waitFor(20, TimeUnit.SECONDS)) {
                dovecot.destroyForcibly();
            }
        }
    }
}
