package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the POP3 command parsing (issue 11): arbitrary command lines, first in the AUTHORIZATION
 * state (USER, PASS, APOP, AUTH and its SASL dialog, STLS, CAPA), then in the TRANSACTION state
 * over two messages (message numbers, TOP's line count, UIDL, DELE, RSET). Every reply must start
 * with {@code +OK}, {@code -ERR} or {@code +} (a SASL challenge) or be the content of a
 * multi-line response, never a stack trace; the output stays bounded. In the normal build this
 * replays {@code Pop3CommandFuzzTestInputs/}.
 */
class Pop3CommandFuzzTest {

    private static final int MAX_LINES = 16;
    /** The net layer cuts lines at 8 KiB; longer ones say nothing new. */
    private static final int MAX_LINE = 1024;
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$]+\\(|[a-z]\\.[\\w.]*(Exception|Error)\\b");
    private static final String ONE = "Subject: one\r\n\r\nfirst\r\n.dot\r\n";
    private static final String TWO = "Subject: two\r\n\r\nsecond\r\n";

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void commands(FuzzedDataProvider data) {
        Pop3Harness h = new Pop3Harness();
        h.inbox("alice").add(ONE);
        h.inbox("alice").add(TWO);
        String greeting = h.start();
        assertTrue(greeting.startsWith("+OK"), greeting);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < MAX_LINES && data.remainingBytes() > 0; i++) {
            if (i == MAX_LINES / 2 || data.consumeBoolean() && i == 2) {
                // Half way (or early, at the fuzzer's choice): log in to reach the TRANSACTION state.
                out.append(h.pipeline("USER alice", "PASS secret"));
            }
            String line = data.consumeString(MAX_LINE).replace('\n', ' ');
            out.append(h.send(line));
        }
        assertTrue(out.length() < 64 * 1024, "unbounded output: " + out.length());
        for (String reply : out.toString().split("\r\n")) {
            assertTrue(!STACK_FRAME.matcher(reply).find(), "a stack trace leaked: " + reply);
        }
        String first = out.length() == 0 ? "+OK" : out.toString();
        assertTrue(first.startsWith("+") || first.startsWith("-ERR"), "not a POP3 reply: " + first);
    }
}
