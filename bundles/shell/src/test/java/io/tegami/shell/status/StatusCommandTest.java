package io.tegami.shell.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.ListenerStatus;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import io.tegami.api.sasl.testing.FakeMechanism;
import io.tegami.shell.CommandFailedException;
import io.tegami.shell.fakes.FakeConfigurationAdmin;

/** tegami:status from fakes of every service it reads. */
class StatusCommandTest {

    /** A queue that only lists. */
    private static final class ListingQueue implements MailQueue {
        final List<QueueEntry> entries = new ArrayList<>();
        boolean broken;

        @Override
        public MessageWriter create(Envelope envelope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<QueueEntry> list() throws QueueException {
            if (broken) {
                throw new QueueException("spool unreadable");
            }
            return entries;
        }

        @Override
        public Optional<QueueEntry> find(String queueId) {
            return Optional.empty();
        }

        @Override
        public void flush() {
        }

        @Override
        public boolean delete(String queueId) {
            return false;
        }

        void add(String id, String queue) {
            entries.add(new QueueEntry(id, queue, Envelope.of(MailAddress.NULL_SENDER, List.of(MailAddress.of("bob", "example.org"))), List.of(), 10, Instant.EPOCH, null));
        }
    }

    private final FakeConfigurationAdmin ca = new FakeConfigurationAdmin();
    /** What the net bundle publishes for an active listener. */
    private record FakeStatus(ListenerInfo info, List<InetSocketAddress> boundAddresses, int openSessions)
            implements ListenerStatus {
    }
    private final ListingQueue queue = new ListingQueue();
    private final MapMailParameters params = MapMailParameters.of(Path.of("/t"), "mail_location", "maildir:~/Maildir",
            "auth_mechanisms", "plain login", "listen", "127.0.0.1", "inet_interfaces", "all");

    private void listener(String name, String protocol, int port, String tls, String address) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("service.factoryPid", StatusCommand.LISTENER_FACTORY_PID);
        p.put("service.pid", StatusCommand.LISTENER_FACTORY_PID + "." + name);
        p.put("name", name);
        p.put("protocol", protocol);
        p.put("port", port);
        p.put("tls", tls);
        if (address != null) {
            p.put("address", address);
        }
        ca.preload(StatusCommand.LISTENER_FACTORY_PID + "." + name, p);
    }

    private StatusCommand command() {
        StatusCommand c = new StatusCommand(ca, queue, params,
                () -> List.of(new StatusReport.BundleRow(0, "Active", "7.0.5", "org.apache.felix.framework"),
                        new StatusReport.BundleRow(12, "Resolved", "0.1.0.SNAPSHOT", "io.tegami.imap")));
        c.addStore(new io.tegami.store.maildir.MaildirStore(params), Map.of("type", "maildir"));
        c.addMechanism(FakeMechanism.plain(), Map.of());
        c.addMechanism(FakeMechanism.login(), Map.of("sasl.mechanism", "CRAM-MD5"));
        return c;
    }

    private String run(StatusCommand c, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneScreenWithEverything() {
        listener("smtp", "smtp", 25, "starttls", null);
        listener("imaps", "imap", 993, "implicit", "0.0.0.0");
        listener("pop3", "pop3", 110, "none", null);
        queue.add("A1", QueueEntry.DEFERRED);
        queue.add("A2", QueueEntry.DEFERRED);
        queue.add("A3", QueueEntry.HOLD);
        StatusCommand c = command();
        c.addListenerStatus(new FakeStatus(new ListenerInfo("imaps", "imap", ListenerInfo.TlsMode.IMPLICIT, Map.of()),
                List.of(new InetSocketAddress("0.0.0.0", 993)), 1));
        // SMTP connections count too, whether anyone logged in or not.
        c.addListenerStatus(new FakeStatus(new ListenerInfo("smtp", "smtp", ListenerInfo.TlsMode.STARTTLS, Map.of()),
                List.of(), 3));
        String out = run(c);
        assertTrue(out.startsWith("Listeners:\n"
                + "  name   protocol  address    port  tls       sessions\n"
                + "  imaps  imap      0.0.0.0     993  implicit         1\n"), out);
        assertTrue(out.contains("\n  smtp   smtp      all          25  starttls         3\n"), out);
        assertTrue(out.contains("\n  pop3   pop3      127.0.0.1   110  none             -\n"), "not active: " + out);
        assertTrue(out.contains("\nQueue:\n  incoming 0  active 0  deferred 2  hold 1\n"), out);
        assertTrue(out.contains("\nMail store: maildir  (mail_location = maildir:~/Maildir)\n  stores running: maildir\n"), out);
        assertTrue(out.contains("\nSASL mechanisms: CRAM-MD5 PLAIN  (auth_mechanisms = plain login)\n"), out);
        assertTrue(out.endsWith("\nBundles:\n  id  state     version         symbolic name\n"
                + "   0  Active    7.0.5           org.apache.felix.framework\n"
                + "  12  Resolved  0.1.0.SNAPSHOT  io.tegami.imap\n"), out);
    }

    @Test
    void partsThatAreDownAreShownAsDown() {
        queue.broken = true;
        StatusCommand c = new StatusCommand(null, queue, params, List::of);
        String out = run(c);
        assertTrue(out.contains("Listeners:\n  (none configured)\n"), out);
        assertTrue(out.contains("Queue:\n  the mail queue cannot be listed: spool unreadable\n"), out);
        assertTrue(out.contains("Mail store: maildir (NOT RUNNING)"), out);
        assertTrue(out.contains("SASL mechanisms: none"), out);
        out = run(new StatusCommand(null, null, null, List::of));
        assertTrue(out.contains("Queue:\n  the mail queue is not running\n"), out);
    }

    @Test
    void helpAndBadArguments() {
        assertTrue(run(command(), "--help").startsWith(StatusCommand.USAGE + "\n\nShows the listeners"));
        assertEquals(run(command(), "-h"), run(command(), "--help"));
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> run(command(), "-x"));
        assertEquals(64, e.exitCode());
    }
}
