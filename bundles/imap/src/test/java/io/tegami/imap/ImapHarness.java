package io.tegami.imap;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.testing.FakeConnection;
import io.tegami.api.net.testing.FakeLoginRegistry;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.testing.FakeMechanism;
import io.tegami.api.sasl.testing.FakePenalty;
import io.tegami.api.store.MailStore;
import io.tegami.api.user.testing.FakeUserDirectory;
import io.tegami.store.maildir.MaildirStore;

/**
 * One IMAP server for a test: the handler with the real Maildir store under a temporary
 * directory, fake users (alice/secret, bob/hunter2), a PLAIN mechanism and a penalty that never
 * waits. {@link #connect()} opens sessions that are driven like the net layer drives them.
 */
final class ImapHarness implements AutoCloseable {

    final Path base;
    final MapMailParameters params;
    final FakeUserDirectory users;
    final FakePenalty penalty = new FakePenalty();
    final FakeLoginRegistry logins = new FakeLoginRegistry();
    final MailStore store;
    final ImapProtocolHandler handler;

    ImapHarness(Path base) {
        this.base = base;
        this.params = MapMailParameters.of(base, "mail_location", "maildir:~/Maildir", "data_directory", "data",
                "myhostname", "mail.example.org", "message_size_limit", "10240000");
        this.users = new FakeUserDirectory().homes(base.resolve("home")).password("alice", "secret").password("bob", "hunter2");
        this.store = new MaildirStore(params);
        this.handler = new ImapProtocolHandler(Clock.systemDefaultZone());
        handler.bind(params, users, penalty);
        handler.bindLogins(logins);
        handler.addMechanism(FakeMechanism.plain(), Map.of(SaslMechanism.MECHANISM, "PLAIN"));
        handler.addStore(store, Map.of(MailStore.TYPE, "maildir"));
    }

    /** A session from loopback on a STARTTLS listener, greeted. */
    ImapClient connect() {
        return connect(new FakeConnection("imap", 143));
    }

    ImapClient connect(FakeConnection connection) {
        return new ImapClient(handler, connection);
    }

    /** A session logged in as alice. */
    ImapClient alice() {
        ImapClient c = connect();
        c.expectOk("a0 LOGIN alice secret");
        return c;
    }

    @Override
    public void close() {
        handler.deactivate();
    }
}
