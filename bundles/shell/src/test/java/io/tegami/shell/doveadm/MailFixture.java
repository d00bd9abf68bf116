package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.store.maildir.MaildirStore;

/**
 * A user "alice" with a real Maildir under a temporary directory, and a doveadm with every mail
 * subcommand bound to it; clocks and time zone fixed at 2026-11-28 12:00 UTC.
 */
final class MailFixture {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final ZoneId ZONE = ZoneOffset.UTC;

    final MapMailParameters params;
    final MaildirStore store;
    final FakeDirectory directory = new FakeDirectory();
    final MailAccess access;
    final Doveadm doveadm;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MailFixture(Path tmp, String... parameters) {
        params = MapMailParameters.of(tmp, parameters);
        params.withDefaults(Map.of("mail_location", "maildir:~/Maildir"));
        store = new MaildirStore(params);
        directory.add("alice", "secret", 1000, tmp.resolve("alice").toString(), Map.of());
        access = new MailAccess(directory, params, "maildir", store);
        Clock clock = Clock.fixed(NOW, ZONE);
        doveadm = new Doveadm(List.of(new MailboxListCommand(access), new MailboxCreateCommand(access),
                new MailboxDeleteCommand(access), new MailboxStatusCommand(access), new SearchCommand(access, clock),
                new FetchCommand(access, clock, ZONE), new ExpungeCommand(access, clock), new QuotaGetCommand(access),
                new QuotaRecalcCommand(access), new ConfigCommand(params)));
    }

    String run(String... args) {
        bytes.reset();
        doveadm.run(Arrays.asList(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return printed();
    }

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs a failing command; what it printed first is in {@link #printed()}. */
    DoveadmException fails(int exitCode, String message, String... args) {
        DoveadmException e = assertThrows(DoveadmException.class, () -> run(args));
        assertEquals(exitCode, e.exitCode(), e.getMessage());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
        return e;
    }

    MailboxSession session() throws StoreException {
        return store.open(directory.users.get("alice"));
    }

    /** Delivers a small message into {@code mailbox} at {@code date}; returns its UID. */
    long add(String mailbox, String subject, String body, Instant date, String... flags) throws StoreException {
        String text = "From: Bob <bob@example.org>\nTo: alice@example.com\nSubject: " + subject
                + "\nDate: Mon, 2 Nov 2026 10:00:01 +0100\nMessage-ID: <" + subject.replace(' ', '.') + "@example.org>\n\n"
                + body + "\n";
        try (MailboxSession s = session(); Mailbox box = s.open(mailbox)) {
            return box.append(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Set.of(flags), date);
        }
    }
}
