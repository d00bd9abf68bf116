package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tegami.imap.fetch.FetchParser;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.RawCommand;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.search.SearchParser;

/**
 * Fuzzes the IMAP command parsing (issue 11): sequence sets, SEARCH and FETCH arguments on their
 * own (the only exceptions allowed are {@link ParseException} and, for an unknown CHARSET,
 * {@link UnsupportedCharsetException}), and whole command streams, literals
 * included, through a logged-in session over the real Maildir store: every response line must be
 * untagged, a continuation or tagged, never a stack trace, and no file may appear outside the
 * test's directory. In the normal build this replays {@code ImapCommandFuzzTestInputs/}.
 */
class ImapCommandFuzzTest {

    private static final int MAX_INPUT = 4096;
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$]+\\(|[a-z]\\.[\\w.]*(Exception|Error)\\b");
    private static final Pattern RESPONSE = Pattern.compile("(\\* |\\+ |\\+$|[^ ]+ (OK|NO|BAD) ).*", Pattern.DOTALL);

    /** One server for the whole run: a harness per input would spend the time creating folders. */
    private static Path base;
    private static ImapHarness harness;

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void sequenceSets(FuzzedDataProvider data) {
        String text = data.consumeString(MAX_INPUT);
        long largest = data.consumeLong(0, 0xFFFFFFFFL);
        try {
            SequenceSet set = SequenceSet.parse(text);
            assertTrue(set.ranges().size() <= text.length() + 1, "more ranges than characters");
            if (!set.isSaved()) {
                SequenceSet.Resolved resolved = set.resolve(largest);
                assertTrue(resolved.ranges().size() <= set.ranges().size(), "resolving added ranges");
                resolved.contains(data.consumeLong(0, 0xFFFFFFFFL));
                assertTrue(SequenceSet.formatRanges(resolved.ranges()).length() <= 24 * (text.length() + 1));
            }
        } catch (ParseException expected) {
            // the declared syntax error
        }
    }

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void searchAndFetchArguments(FuzzedDataProvider data) {
        byte[] search = data.consumeString(MAX_INPUT).getBytes(StandardCharsets.UTF_8);
        byte[] fetch = data.consumeString(MAX_INPUT).getBytes(StandardCharsets.UTF_8);
        try {
            CommandReader r = new CommandReader(RawCommand.of(search));
            SearchParser.parse(r);
            r.end();
        } catch (ParseException | UnsupportedCharsetException expected) {
            // the declared errors: BAD, and NO [BADCHARSET] for a CHARSET Java does not know
        }
        try {
            CommandReader r = new CommandReader(RawCommand.of(fetch));
            FetchParser.parse(r);
            r.end();
        } catch (ParseException expected) {
            // the declared syntax error
        }
    }

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void session(byte[] input) throws IOException {
        ImapHarness h = harness();
        ImapClient alice = h.alice();
        alice.expectOk("s1 SELECT INBOX");
        byte[] bounded = input.length > MAX_INPUT ? java.util.Arrays.copyOf(input, MAX_INPUT) : input;
        alice.feed(bounded);
        alice.feed("\r\n".getBytes(StandardCharsets.US_ASCII));
        String out = alice.runTasks();
        alice.disconnect();
        assertTrue(out.length() < 1 << 20, "unbounded output: " + out.length());
        for (String line : out.split("\r\n")) {
            // Message text may follow a literal, so only a Java stack frame is sure to be wrong.
            assertTrue(!STACK_FRAME.matcher(line).find(), "a stack trace leaked: " + line);
        }
        assertTrue(RESPONSE.matcher(out).lookingAt() || out.isEmpty(), "not IMAP: " + out);
        try (Stream<Path> files = Files.list(base.getParent())) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().startsWith("imap-fuzz")), "a file escaped the sandbox");
        }
        try (Stream<Path> homes = Files.list(base.resolve("home"))) {
            assertTrue(homes.allMatch(p -> p.getFileName().toString().equals("alice")), "a file escaped alice's home");
        }
    }

    private static synchronized ImapHarness harness() {
        if (harness == null) {
            try {
                // A folder of its own under target/, so that a file created beside it shows.
                Path parent = Files.createDirectories(Path.of("target", "imap-fuzz-sandbox").toAbsolutePath());
                base = Files.createTempDirectory(parent, "imap-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            harness = new ImapHarness(base);
            String seed = "Subject: seed\r\nContent-Type: text/plain\r\n\r\nhello fuzzer\r\n";
            harness.alice().expectOk("a1 APPEND INBOX {" + seed.length() + "+}\r\n" + seed);
        }
        return harness;
    }
}
