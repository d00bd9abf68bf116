package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.delivery.DeliveryResult.Status;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandAndFileDeliveryTest {

    @TempDir
    Path dir;

    final Fakes.Parameters parameters = new Fakes.Parameters();
    static final MailAddress SENDER = MailAddress.parse("alice@remote.test");
    static final Instant NOW = Instant.parse("2024-06-04T10:15:30Z");

    private Fakes.Message message(String content) {
        return new Fakes.Message(Envelope.of(SENDER, List.of(MailAddress.parse("list+x@here.test"))), content);
    }

    @Test
    void commandGetsTheMessageOnStdinAndPostfixEnvironment() throws Exception {
        parameters.values.put("recipient_delimiter", "+");
        Path out = dir.resolve("out");
        String cmd = "cat > " + out + "; env | sort > " + out + ".env; pwd > " + out + ".pwd";
        User user = new User("bob", -1, -1, dir, Map.of());
        DeliveryResult r = CommandDelivery.run(parameters, message("Subject: $(touch /tmp/pwned)\n\nbody `id`\n"), cmd,
                SENDER, MailAddress.parse("Bob+ext@here.test"), MailAddress.parse("list+x@here.test"), user, NOW);
        assertEquals(Status.SENT, r.status(), r.toString());
        assertEquals("delivered to command: " + cmd, r.detail());
        String stdin = Files.readString(out);
        assertTrue(stdin.matches("From alice@remote\\.test  \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d 2024\n"
                + "Return-Path: <alice@remote.test>\nDelivered-To: Bob\\+ext@here.test\n"
                + "Subject: \\$\\(touch /tmp/pwned\\)\n\nbody `id`\n"), stdin);
        List<String> env = Files.readAllLines(Path.of(out + ".env"));
        for (String v : List.of("SENDER=alice@remote.test", "RECIPIENT=Bob+ext@here.test", "ORIGINAL_RECIPIENT=list+x@here.test",
                "LOCAL=bob+ext", "EXTENSION=ext", "DOMAIN=here.test", "USER=bob", "LOGNAME=bob", "HOME=" + dir,
                "SHELL=/bin/sh", "PATH=/usr/bin:/bin")) {
            assertTrue(env.contains(v), v + " in " + env);
        }
        assertEquals(dir.toRealPath().toString(), Files.readString(Path.of(out + ".pwd")).strip());
        assertTrue(!Files.exists(Path.of("/tmp/pwned")));
    }

    @Test
    void mailboxCommandExpandsLocalNamesAndLeavesShellNames() {
        assertEquals("/usr/bin/procmail -a \"$EXTENSION\" -d bob x@y ext $other",
                CommandDelivery.expand("/usr/bin/procmail -a \"$EXTENSION\" -d $user ${recipient} $extension $other",
                        Map.of("USER", "bob", "RECIPIENT", "x@y", "EXTENSION", "ext")));
    }

    @Test
    void exitCodesMapAsPostfixSysExits() {
        assertEquals(Status.DEFERRED, run("exit 75").status());
        assertEquals("4.3.0", run("exit 75").dsn());
        DeliveryResult bounced = run("echo no such list >&2; echo really; exit 1");
        assertEquals(Status.BOUNCED, bounced.status());
        assertEquals("5.3.0", bounced.dsn());
        assertEquals("Command died with status 1: \"echo no such list >&2; echo really; exit 1\". Command output: no such list really",
                bounced.detail());
        assertEquals("5.1.1", run("exit 67").dsn());
        assertEquals(Status.SENT, run("exit 0").status());
    }

    @Test
    void aCommandOverItsTimeLimitIsKilledAndBounced() {
        long start = System.nanoTime();
        DeliveryResult r = CommandRunner.run("sleep 30", new ByteArrayInputStream(new byte[0]), Map.of("PATH", "/usr/bin:/bin"),
                dir.toFile(), Duration.ofMillis(300), "command: sleep 30");
        assertEquals(Status.BOUNCED, r.status());
        assertEquals("Command time limit exceeded: \"sleep 30\"", r.detail());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    private DeliveryResult run(String command) {
        return CommandRunner.run(command, new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)),
                Map.of("PATH", "/usr/bin:/bin"), dir.toFile(), Duration.ofSeconds(10), "command: " + command);
    }

    @Test
    void fileTargetsAppendInMboxFormWithQuoting() throws Exception {
        Path mbox = dir.resolve("archive");
        MailAddress rcpt = MailAddress.parse("archive@here.test");
        for (int i = 0; i < 2; i++) {
            DeliveryResult r = FileDelivery.append(mbox, SENDER, rcpt,
                    new ByteArrayInputStream("Subject: s\n\nFrom here\n>From there\nno newline".getBytes(StandardCharsets.UTF_8)),
                    NOW, true);
            assertEquals(Status.SENT, r.status(), r.toString());
        }
        String text = Files.readString(mbox);
        String one = "Return-Path: <alice@remote.test>\nDelivered-To: archive@here.test\nSubject: s\n\n>From here\n>>From there\nno newline\n\n";
        String[] parts = text.split("From alice@remote\\.test  \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d 2024\n", -1);
        assertEquals(List.of("", one, one), List.of(parts));
        assertTrue(!Files.exists(dir.resolve("archive.lock")));
    }

    @Test
    void quotingStreamsLongLinesAndKeepsOthers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String quoted = ">".repeat(30) + "From x\n";
        String longLine = "x".repeat(100_000) + "\n";
        MboxLines.copyQuoted(new ByteArrayInputStream(("Fro\nFrom\n" + quoted + longLine + " From y\n").getBytes(StandardCharsets.UTF_8)), out);
        assertEquals("Fro\nFrom\n>" + quoted + longLine + " From y\n", out.toString(StandardCharsets.UTF_8));
    }
}
