package io.tegami.managesieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tegami.sieve.SieveEngineImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command sequence as sent to Debian's Pigeonhole ManageSieve (dovecot-managesieved
 * 2.3.19 / Pigeonhole 0.5.19, {@code sieve_quota_max_scripts = 3},
 * {@code sieve_quota_max_storage = 2000}, {@code sieve_max_script_size = 1500}), answered the same:
 * response codes and texts. The expected transcript ({@code pigeonhole/managesieve-transcript.txt})
 * is what Pigeonhole answered; literals are shown on one line with CRLF as {@code \r\n}.
 */
class PigeonholeTranscriptTest {

    @TempDir
    Path dir;

    private Harness h;
    private final List<String> transcript = new ArrayList<>();

    private void cmd(String text) {
        cmd(text, null);
    }

    private void cmd(String text, String show) {
        transcript.add("C: " + (show != null ? show : text.replace("\r\n", "\\r\\n")));
        String out = h.send(text + "\r\n");
        int i = 0;
        while (i < out.length()) {
            int eol = out.indexOf("\r\n", i);
            String line = out.substring(i, eol);
            transcript.add("S: " + line);
            i = eol + 2;
            if (line.endsWith("}") && line.contains("{")) {
                int n = Integer.parseInt(line.substring(line.lastIndexOf('{') + 1, line.length() - 1).replace("+", ""));
                byte[] rest = out.substring(i).getBytes(StandardCharsets.UTF_8);
                String literal = new String(rest, 0, n, StandardCharsets.UTF_8);
                transcript.add("S: " + literal.replace("\r\n", "\\r\\n"));
                i += literal.length();
                String status = line.split(" ")[0];
                if (status.equals("OK") || status.equals("NO") || status.equals("BYE")) {
                    i += 2; // the CRLF ending the response
                }
            }
        }
    }

    private static String literal(String name, String script) {
        return "PUTSCRIPT \"" + name + "\" {" + script.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + script;
    }

    @Test
    void answersAsPigeonhole() throws IOException {
        h = new Harness(dir, "sieve_quota_max_scripts", "3", "sieve_quota_max_storage", "2000",
                "sieve_max_script_size", "1500");
        h.handler.bind(h.parameters, h.users, h.penalty, SieveEngineImpl.withBundledExtensions());
        h.start();
        h.login();
        String bad = "require \"fileinto\";\r\nfileinto \"x\"\r\nkeep;\r\nfoo;\r\n";
        cmd(literal("bad", bad));
        String warn = "require \"vacation\";\r\nvacation :days 0 \"x\";\r\n";
        cmd(literal("warn", warn));
        cmd("CHECKSCRIPT {" + warn.length() + "+}\r\n" + warn);
        cmd("HAVESPACE \"big\" 5000");
        String big = "# " + "x".repeat(1600) + "\r\nkeep;\r\n";
        cmd(literal("big", big), "PUTSCRIPT \"big\" {" + big.length() + "+} <# x*1600 keep;>");
        String mid = "# " + "x".repeat(900) + "\r\nkeep;\r\n";
        cmd(literal("one", mid), "PUTSCRIPT \"one\" {" + mid.length() + "+} <# x*900 keep;>");
        cmd("HAVESPACE \"x\" 1200");
        cmd(literal("two", "keep;\r\n"));
        cmd(literal("three", "keep;\r\n"));
        cmd("HAVESPACE \"three\" 10");
        cmd("HAVESPACE \"two\" 10");
        cmd("SETACTIVE \"missing\"");
        cmd("SETACTIVE \"one\"");
        cmd("DELETESCRIPT \"one\"");
        cmd("DELETESCRIPT \"missing\"");
        cmd("RENAMESCRIPT \"two\" \"warn\"");
        cmd("RENAMESCRIPT \"missing\" \"five\"");
        cmd("RENAMESCRIPT \"two\" \"2\"");
        cmd("GETSCRIPT \"missing\"");
        cmd("GETSCRIPT \"2\"");
        cmd("LISTSCRIPTS");
        cmd("FROBNICATE");
        cmd("PUTSCRIPT \"lit\" {abc}");
        cmd("PUTSCRIPT \"lit\"");
        cmd("GETSCRIPT");
        cmd("SETACTIVE \"\"");
        cmd("SETACTIVE \"\"");
        cmd("DELETESCRIPT \"one\"");
        cmd("DELETESCRIPT \"2\"");
        cmd("DELETESCRIPT \"warn\"");
        cmd("LISTSCRIPTS");
        cmd("LOGOUT");
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/pigeonhole/managesieve-transcript.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, String.join("\n", transcript) + "\n");
    }

    /** Replays the commands of a recorded Pigeonhole transcript and compares every answer. */
    private void replay(String resource) throws IOException {
        h = new Harness(dir, "sieve_quota_max_scripts", "3", "sieve_quota_max_storage", "2000",
                "sieve_max_script_size", "1500");
        h.handler.bind(h.parameters, h.users, h.penalty, SieveEngineImpl.withBundledExtensions());
        h.start();
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/pigeonhole/" + resource)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : expected.split("\n")) {
            if (line.startsWith("C: ")) {
                cmd(line.substring(3).replace("\\r\\n", "\r\n"));
            }
        }
        assertEquals(expected, String.join("\n", transcript) + "\n");
    }

    /** Parse and validation failures, warnings (PUTSCRIPT, CHECKSCRIPT, SETACTIVE). */
    @Test
    void checksAsPigeonhole() throws IOException {
        replay("managesieve-checks.txt");
    }

    /** Bad commands before and after login, bad names and arguments. */
    @Test
    void refusesAsPigeonhole() throws IOException {
        replay("managesieve-errors.txt");
    }

    /** The capability names, in order; NOTIFY left out (Tegami has no enotify). */
    private static List<String> names(String capabilities) {
        List<String> names = new ArrayList<>();
        for (String line : capabilities.split("\r\n")) {
            if (line.startsWith("\"") && !line.startsWith("\"NOTIFY\"")) {
                names.add(line.substring(0, line.indexOf('"', 1) + 1)
                        + (line.startsWith("\"MAXREDIRECTS\"") || line.startsWith("\"VERSION\"") ? line.substring(line.indexOf('"', 1) + 1) : ""));
            }
        }
        return names;
    }

    /**
     * Pigeonhole's capability lists (without TLS, as recorded): before login IMPLEMENTATION,
     * SIEVE, NOTIFY, SASL, VERSION; after it IMPLEMENTATION, SIEVE, MAXREDIRECTS, NOTIFY, VERSION.
     */
    @Test
    void capabilitiesInPigeonholesOrder() {
        h = new Harness(dir, new io.tegami.api.net.testing.FakeConnection("sieve", 4190).canStartTls(false));
        h.handler.bind(h.parameters, h.users, h.penalty, SieveEngineImpl.withBundledExtensions());
        assertEquals(List.of("\"IMPLEMENTATION\"", "\"SIEVE\"", "\"SASL\"", "\"VERSION\" \"1.0\""), names(h.start()));
        h.login();
        assertEquals(List.of("\"IMPLEMENTATION\"", "\"SIEVE\"", "\"MAXREDIRECTS\" \"4\"", "\"VERSION\" \"1.0\""),
                names(h.send("CAPABILITY\r\n")));
    }
}
