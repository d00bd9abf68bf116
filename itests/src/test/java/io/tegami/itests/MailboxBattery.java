package io.tegami.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The IMAP, POP3 and ManageSieve half of the security battery, run by SecurityBatteryIT against
 * its server: traversal in mailbox and script names, literal-size bombs, deep nesting, invalid
 * modified UTF-7 and UTF-8, sequence-set bombs and LOGIN brute force. Each attack must get the
 * protocol's own refusal (never a stack trace), leave no file outside the user's home, and leave
 * the server serving: each ends with a fresh login.
 */
final class MailboxBattery {

    private final SecurityBatteryIT.Ports ports;
    private final Path home;
    private final Path alice;

    MailboxBattery(SecurityBatteryIT.Ports ports, Path home) {
        this.ports = ports;
        this.home = home;
        this.alice = home.resolve("data/home/alice");
    }

    /** Names a client may try to climb out of its Maildir with; {@code T} stands for a unique token. */
    private static final List<String> TRAVERSALS = List.of("../T", "../../../../../../../../tmp/T", "/etc/T", "/tmp/T",
            "~root/T", "~/T", "a/../../T", "INBOX/../../T", "%2e%2e/T", "%2e%2e%2fT", "&AC4ALgAv-T", "&AC8-tmp&AC8-T",
            "..\\..\\T", ".T", "T/..", "..T");

    void imapTraversal() throws Exception {
        String token = "esc" + System.nanoTime();
        try (RawImap imap = login()) {
            int n = 0;
            for (String name : TRAVERSALS) {
                String mailbox = name.replace("T", token);
                for (String command : List.of("CREATE %s", "SELECT %s", "RENAME INBOX %s", "SUBSCRIBE %s",
                        "STATUS %s (MESSAGES)", "DELETE %s")) {
                    String tag = "t" + (n++);
                    String reply = imap.command(tag, command.replace("%s", literal(mailbox)));
                    Battery.noLeak(reply);
                    assertTrue(reply, reply.contains(tag + " "));
                }
                String tag = "t" + (n++);
                Battery.noLeak(imap.command(tag, "APPEND " + literal(mailbox) + " {10+}\r\nSubject: x"));
            }
            for (String name : List.of("..", "../" + token, "/etc/" + token)) {
                Battery.refusedImap("r" + n, imap.command("r" + (n++), "CREATE " + literal(name)));
            }
            // NUL is not allowed in a string: the command is refused.
            rawBytes(imap, "x1 CREATE {" + (token.length() + 4) + "+}\r\n../\0" + token + "\r\n");
            Battery.refusedImap("x1", imap.until("x1 "));
            Battery.noLeak(imap.command("x2", "LIST \"\" \"../*\""));
            Battery.noLeak(imap.command("x3", "LIST \"/\" \"%\""));
            assertTrue(imap.command("x4", "NOOP").contains("x4 OK"));
        }
        Battery.onlyUnder(home, token, alice.resolve("Maildir"));
        Battery.imapLoginWorks(ports.imap());
    }

    void imapLiteralBombs() throws Exception {
        try (RawImap imap = new RawImap(ports.imap())) {
            imap.readLine();
            imap.send("b1 LOGIN {4294967296}\r\n");
            String reply = imap.readLine();
            assertFalse("a continuation for a 4 GiB literal: " + reply, reply == null || reply.startsWith("+"));
            Battery.noLeak(reply);
        }
        for (String literal : List.of("{4294967296}", "{18446744073709551616}", "{999999999+}", "{4294967296+}")) {
            try (RawImap imap = login()) {
                imap.send("b2 APPEND INBOX " + literal + "\r\n");
                if (literal.endsWith("+}")) {
                    imap.send("Subject: the start of a huge message\r\n");
                }
                String lines = untilTaggedOrClosed(imap, "b2 ");
                Battery.noLeak(lines);
                assertFalse(literal + ": " + lines, lines.startsWith("+") || lines.contains("\n+") || lines.contains("b2 OK"));
            }
        }
        Battery.imapLoginWorks(ports.imap());
    }

    void imapNestingEncodingAndSequenceBombs() throws Exception {
        try (RawImap imap = login()) {
            String message = "Subject: battery\r\n\r\nbody\r\n";
            assertTrue(imap.command("a1", "APPEND INBOX {" + message.length() + "+}\r\n" + message).contains("a1 OK"));
            assertTrue(imap.command("a2", "SELECT INBOX").contains("a2 OK"));
            Battery.refusedImap("n1", imap.command("n1", "SEARCH " + "(".repeat(1000) + "ALL" + ")".repeat(1000)));
            Battery.refusedImap("n2", imap.command("n2", "FETCH 1 " + "(".repeat(1000) + "FLAGS" + ")".repeat(1000)));
            Battery.noLeak(imap.command("n3", "FETCH 1 (BODY.PEEK[" + "1.".repeat(3000) + "1])"));
            Battery.noLeak(imap.command("n4", "SEARCH " + "NOT ".repeat(3000) + "ALL"));
            Battery.noLeak(imap.command("n5", "SEARCH " + "OR ALL ".repeat(2000) + "ALL"));
            for (String name : List.of("&Jjo", "&2D0-", "&-&", "&ZeVnLIqe", "a&")) {
                Battery.refusedImap("u" + name.length(), imap.command("u" + name.length(), "CREATE \"" + name + "\""));
            }
            Battery.noLeak(imap.command("u9", "CREATE \"&AGE-\""));
            rawBytes(imap, "v1 CREATE {4+}\r\n\u00ff\u00fe\u00fd\u00fc\r\n");
            Battery.noLeak(imap.until("v1 "));
            rawBytes(imap, "v2 SEARCH CHARSET UTF-8 TEXT {3+}\r\ncaf\r\n");
            Battery.noLeak(imap.until("v2 "));
            rawBytes(imap, "v3 SEARCH CHARSET UTF-8 TEXT {2+}\r\n\u00c3\u0028\r\n");
            Battery.noLeak(imap.until("v3 "));
            Battery.refusedImap("v4", imap.command("v4", "SEARCH CHARSET NO-SUCH-CHARSET TEXT x"));
            long start = System.nanoTime();
            assertTrue(imap.command("s1", "UID FETCH 1:4294967295 (UID FLAGS)").contains("s1 OK"));
            Battery.noLeak(imap.command("s2", "STORE 1:4294967295 +FLAGS (\\Seen)"));
            assertTrue(imap.command("s3", "SEARCH " + "1:*,".repeat(1000) + "1:*").contains("s3 OK"));
            assertTrue(imap.command("s4", "UID SEARCH UID 1:4294967295").contains("s4 OK"));
            Battery.refusedImap("s5", imap.command("s5", "FETCH 4294967296 FLAGS"));
            Battery.refusedImap("s6", imap.command("s6", "FETCH 0:1 FLAGS"));
            assertTrue("sequence sets took too long", System.nanoTime() - start < 10_000_000_000L);
            assertTrue(imap.command("s7", "NOOP").contains("s7 OK"));
            // 400 KB of 1:* on one line: refused as too long, or the connection is closed.
            imap.send("s8 FETCH " + "1:*,".repeat(100_000) + "1:* FLAGS\r\n");
            String bomb = untilTaggedOrClosed(imap, "s8 ");
            Battery.noLeak(bomb);
            assertFalse(bomb, bomb.contains("s8 OK"));
        }
        Battery.imapLoginWorks(ports.imap());
    }

    void pop3Garbage() throws Exception {
        try (Pop3Client pop3 = new Pop3Client(ports.pop3())) {
            assertTrue(pop3.line().startsWith("+OK"));
            pop3.command("USER ../../../etc/passwd");
            assertTrue(Battery.noLeak(pop3.command("PASS secret")).startsWith("-ERR"));
        }
        try (Pop3Client pop3 = new Pop3Client(ports.pop3())) {
            assertTrue(pop3.login("alice", "secret").startsWith("+OK"));
            for (String command : List.of("RETR 99999999999999999999", "TOP 1 -1", "LIST 0", "LIST -1", "DELE 4294967296",
                    "UIDL \u00ff\u00fe", "RETR 1\u0000", "TOP 1 99999999999999999999")) {
                String reply = Battery.noLeak(pop3.command(command));
                assertTrue(command + " -> " + reply, reply.startsWith("-ERR") || reply.startsWith("+OK"));
                if (reply.startsWith("+OK") && (command.startsWith("TOP") || command.startsWith("RETR"))) {
                    pop3.multiline();
                }
            }
            pop3.send("NOOP " + "A".repeat(100_000) + "\r\n");
            String line = pop3.line();
            assertTrue(String.valueOf(line), line == null || line.startsWith("-ERR"));
        }
        Battery.pop3LoginWorks(ports.pop3());
    }

    void sieveScriptNames() throws Exception {
        String token = "sv" + System.nanoTime();
        try (Battery.Sieve sieve = new Battery.Sieve(ports.sieve())) {
            assertTrue(sieve.login().startsWith("OK"));
            for (String name : List.of("../" + token, "a/" + token, "/tmp/" + token, token + "/..", "..", "../../../etc/" + token,
                    "%2e%2e%2f" + token + "/x")) {
                String reply = sieve.command("PUTSCRIPT " + quoted(name) + " {7+}\r\nkeep;\r\n\r\n");
                assertTrue(name + " -> " + reply, reply.startsWith("NO"));
            }
            for (String command : List.of("GETSCRIPT \"../../../../etc/passwd\"", "SETACTIVE \"../" + token + "\"",
                    "DELETESCRIPT \"../" + token + "\"", "CHECKSCRIPT {7+}\r\nkeep;\r\n")) {
                Battery.noLeak(sieve.command(command + "\r\n"));
            }
            assertTrue(sieve.command("PUTSCRIPT \"good\" {7+}\r\nkeep;\r\n\r\n").startsWith("OK"));
            String rename = sieve.command("RENAMESCRIPT \"good\" \"../" + token + "\"\r\n");
            assertTrue(rename, rename.startsWith("NO"));
            assertTrue(sieve.command("NOOP\r\n").startsWith("OK"));
        }
        try (Battery.Sieve sieve = new Battery.Sieve(ports.sieve())) {
            assertTrue(sieve.login().startsWith("OK"));
            String bomb;
            try {
                bomb = sieve.command("PUTSCRIPT \"big\" {4294967296+}\r\nkeep;\r\n");
            } catch (IOException closed) {
                bomb = "NO (closed)";
            }
            assertTrue(bomb, bomb.startsWith("NO") || bomb.startsWith("BYE"));
        }
        Battery.onlyUnder(home, token, alice.resolve("sieve"));
        try (Battery.Sieve sieve = new Battery.Sieve(ports.sieve())) {
            assertTrue(sieve.login().startsWith("OK"));
            assertTrue(sieve.command("LISTSCRIPTS\r\n").contains("\"good\""));
        }
    }

    /** Three failed LOGINs from one address: Dovecot's auth penalty holds each NO longer. */
    void bruteForce() throws Exception {
        long[] millis = new long[3];
        for (int i = 0; i < millis.length; i++) {
            try (RawImap imap = new RawImap(ports.imap())) {
                imap.readLine();
                long start = System.nanoTime();
                Battery.refusedImap("p" + i, imap.command("p" + i, "LOGIN alice wrong-" + i));
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        System.out.println("LOGIN brute force: failed replies held " + java.util.Arrays.toString(millis) + " ms");
        // auth_failure_delay = 1s here: about 1, 2 and 4 seconds. Loosely: held, and growing.
        assertTrue("no penalty: " + java.util.Arrays.toString(millis), millis[0] >= 700);
        assertTrue("the penalty does not grow: " + java.util.Arrays.toString(millis), millis[2] >= 1_500 && millis[2] > millis[0]);
        Battery.imapLoginWorks(ports.imap());
        Battery.imapLoginWorks(ports.imap());
    }

    private RawImap login() throws IOException {
        RawImap imap = new RawImap(ports.imap());
        imap.readLine();
        assertTrue(imap.command("l0", "LOGIN alice secret").contains("l0 OK"));
        return imap;
    }

    /** A non-synchronizing literal (LITERAL+), so that any octets can go in one command. */
    private static String literal(String s) {
        return "{" + s.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + s;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Sends chars 0-255 as single octets (RawImap.send would encode them as UTF-8). */
    private static void rawBytes(RawImap imap, String latin1) throws IOException {
        OutputStream out = imap.socket().getOutputStream();
        out.write(latin1.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Lines up to the tagged one, a BYE, or the end of the connection (a refused bomb may close it). */
    private static String untilTaggedOrClosed(RawImap imap, String tag) throws IOException {
        StringBuilder sb = new StringBuilder();
        try {
            String line;
            while ((line = imap.readLine()) != null) {
                sb.append(line).append('\n');
                if (line.startsWith(tag) || line.startsWith("* BYE")) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            sb.append("(").append(e.getClass().getSimpleName()).append(")\n");
        }
        return sb.toString();
    }
}
