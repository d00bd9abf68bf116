package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import javax.inject.Inject;

import io.tegami.api.smtp.SmtpPolicy;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The example plugin of {@code examples/greylist-policy}, built outside the reactor against the
 * api artifact (by maven-invoker-plugin, see itests/pom.xml), installed into the running
 * container as an admin would ({@code install file:...}, {@code start}), takes effect at once:
 * {@code check_greylist} in {@code smtpd_recipient_restrictions} defers a new triplet with
 * {@code 450 4.7.1} and accepts its retry after the delay. Uninstalled, the name it served
 * defers mail with {@code 451 4.3.5} (never accepts it unchecked) until the admin takes it out of
 * the list.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExamplePluginIT {

    private static final String MAIN_CF_WITHOUT_GREYLIST =
            "smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination";

    @Inject
    private BundleContext context;

    private int smtpPort;
    private Path home;
    private Path jar;

    @Configuration
    public Option[] configuration() throws IOException {
        TestHome home = TestHome.create("example-plugin",
                "smtpd_recipient_restrictions = check_greylist, permit_mynetworks, reject_unauth_destination");
        home.addUser("alice", "secret");
        // The plugin's own ConfigAdmin PID, picked up by fileinstall like every Tegami config.
        Files.writeString(home.home.resolve("configs/io.tegami.examples.greylist.cfg"),
                "delay = 1\nauto_whitelist_clients = 0\n", StandardCharsets.UTF_8);
        return options(
                composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)),
                systemProperty("tegami.test.greylistJar").value(exampleJar().toString()));
    }

    /** The jar the invoker build left in target/examples/greylist-policy/target. */
    private static Path exampleJar() {
        Path target = Path.of(System.getProperty("tegami.example.plugins", "target/examples"))
                .resolve("greylist-policy/target").toAbsolutePath();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("greylist-policy-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no greylist-policy jar in " + target));
        } catch (IOException e) {
            throw new UncheckedIOException("the example plugin was not built (maven-invoker-plugin): " + target, e);
        }
    }

    @Before
    public void awaitListener() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        home = Path.of(System.getProperty("tegami.home"));
        jar = Path.of(System.getProperty("tegami.test.greylistJar"));
        Net.awaitListening(smtpPort, 20_000);
    }

    @Test
    public void greylistingPluginInstalledLiveTakesEffectAndItsRemovalDefersMail() throws Exception {
        assertEquals("a restriction nobody serves is a configuration error, as in Postfix",
                "451 4.3.5", rcpt("early@example.org").substring(0, 9));

        Bundle plugin = context.installBundle(jar.toUri().toString());
        plugin.start();
        assertEquals(Bundle.ACTIVE, plugin.getState());
        awaitPolicy(true);

        try (SmtpClient smtp = session("sender@example.org")) {
            String first = smtp.command("RCPT TO:<alice@localhost>");
            assertTrue(first, first.startsWith("450 4.7.1 <alice@localhost>: Recipient address rejected: Greylisted, see "));
            String early = smtp.command("RCPT TO:<alice@localhost>");
            assertTrue("a retry within the delay waits on: " + early, early.startsWith("450 4.7.1 "));
            Thread.sleep(1_500);
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: greylisted once\r\n\r\nretried after the delay\r\n");
            String queued = smtp.command(".");
            assertTrue(queued, queued.startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
        List<String> delivered = Maildirs.awaitNew(home.resolve("data/home/alice/Maildir"), 1, 20_000);
        assertTrue(delivered.toString(), delivered.get(0).contains("retried after the delay"));
        // Another triplet is greylisted on its own; the whitelisted one passes at once.
        assertTrue(rcpt("other@example.org").startsWith("450 4.7.1 "));
        assertEquals("250 2.1.5 Ok", rcpt("sender@example.org"));

        plugin.uninstall();
        awaitPolicy(false);
        String gone = rcpt("sender@example.org");
        assertTrue("mail is deferred, never accepted unchecked, while the policy is missing: " + gone,
                gone.startsWith("451 4.3.5 "));

        // The admin takes the name out of the list (postconf -e); mail flows again.
        Files.writeString(home.resolve("configs/tegami.main.cfg"), MAIN_CF_WITHOUT_GREYLIST + "\n", StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + 20_000;
        String reply = rcpt("sender@example.org");
        while (!reply.startsWith("250 ") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            reply = rcpt("sender@example.org");
        }
        assertEquals("250 2.1.5 Ok", reply);
    }

    /** A session up to MAIL FROM. */
    private SmtpClient session(String sender) throws IOException {
        SmtpClient smtp = new SmtpClient(smtpPort);
        assertNotNull(smtp.replyLine());
        assertTrue(smtp.command("EHLO client.example").startsWith("250 "));
        assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<" + sender + ">"));
        return smtp;
    }

    /** The reply to RCPT TO:<alice@localhost> in a new session from {@code sender}. */
    private String rcpt(String sender) throws IOException {
        try (SmtpClient smtp = session(sender)) {
            String reply = smtp.command("RCPT TO:<alice@localhost>");
            smtp.command("QUIT");
            return reply;
        }
    }

    /** Waits until a check_greylist policy service is (or is no longer) registered. */
    private void awaitPolicy(boolean present) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Collection<ServiceReference<SmtpPolicy>> refs =
                    context.getServiceReferences(SmtpPolicy.class, "(" + SmtpPolicy.RESTRICTION + "=check_greylist)");
            if (refs.isEmpty() != present) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("check_greylist policy " + (present ? "never registered" : "still registered"));
    }
}
