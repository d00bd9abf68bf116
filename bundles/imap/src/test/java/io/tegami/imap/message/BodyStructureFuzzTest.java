package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the MIME path behind FETCH BODYSTRUCTURE, BODY and ENVELOPE (issue 11): arbitrary octets
 * parsed by mime4j under {@link MimeLimits} and formatted as IMAP does. Nothing may throw but the
 * source's {@link IOException} (which a byte array never raises), and the formatted structure
 * stays bounded by the parts limit, whatever the nesting. In the normal build this replays
 * {@code BodyStructureFuzzTestInputs/}.
 */
class BodyStructureFuzzTest {

    /** Tight limits, so that the fuzzer reaches them with small inputs. */
    private static final MimeLimits LIMITS = new MimeLimits(8, 64, 1024, 70);

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void structure(byte[] message) throws IOException {
        for (MimeLimits limits : new MimeLimits[] {LIMITS, MimeLimits.DEFAULT}) {
            MessageStructure m = MessageStructure.parse(new ByteArrayInputStream(message), limits);
            byte[] structure = BodyStructureFormatter.bodyStructure(m);
            byte[] body = BodyStructureFormatter.body(m);
            byte[] envelope = EnvelopeFormatter.format(m.envelope());
            // Each part's description echoes at most its header values; the input bounds them all.
            long bound = 4096L + 512L * Math.min(limits.maxParts() + 1, message.length + 1) + 4L * message.length;
            assertTrue(structure.length < bound, "BODYSTRUCTURE of " + structure.length + " for " + message.length);
            assertTrue(body.length <= structure.length, "BODY longer than BODYSTRUCTURE");
            // Linear, not small: each address costs a parenthesized list however short it was
            // written (fuzzing measured 12 octets out per octet in, seed envelope-amplification).
            assertTrue(envelope.length < 4096 + 64L * message.length, "ENVELOPE of " + envelope.length);
            balanced(structure);
            balanced(envelope);
        }
    }

    /** Parentheses outside quoted strings and literals balance: the client could not parse it otherwise. */
    private static void balanced(byte[] s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length; i++) {
            byte b = s[i];
            if (quoted) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    quoted = false;
                }
            } else if (b == '"') {
                quoted = true;
            } else if (b == '{' && i + 1 < s.length && Character.isDigit(s[i + 1])) {
                int close = i;
                while (close < s.length && s[close] != '}') {
                    close++;
                }
                int n = Integer.parseInt(new String(s, i + 1, close - i - 1, java.nio.charset.StandardCharsets.US_ASCII));
                i = close + 2 + n; // "}\r\n" then n octets; the loop's i++ skips the CR's partner
            } else if (b == '(') {
                depth++;
            } else if (b == ')') {
                depth--;
                assertTrue(depth >= 0, "unbalanced: " + new String(s, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(depth == 0 && !quoted, "unbalanced: " + new String(s, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
