package io.tegami.shell.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueEntry;
import io.tegami.shell.ctl.TegamiCtlAccess;
import io.tegami.shell.fakes.GogoFixture;
import io.tegami.shell.queue.QueueToolsAccess;

/** The queue tools the way bin/tegami-ctl runs them: quoting, Gogo, System.in from the client. */
class GogoQueueToolsTest {

    @TempDir
    Path home;

    private final MailQueue queue = QueueToolsAccess.fakeQueue();
    private final MapMailParameters parameters = new MapMailParameters(Path.of("/opt/tegami"),
            Map.of("myhostname", "mail.example.org", "myorigin", "example.org"));
    private GogoFixture gogo;
    private AdminSocketServer server;

    @BeforeEach
    void start() throws Exception {
        gogo = new GogoFixture()
                .register("tegami", QueueToolsAccess.queueCommands(queue), "mailq", "postqueue", "postsuper", "postcat")
                .register("tegami", QueueToolsAccess.sendmail(queue, parameters), "sendmail");
        server = new AdminSocketServer(home.resolve("admin.sock"), new GogoCommandExecutor(gogo.processor()),
                AdminSocketLimits.DEFAULTS);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        gogo.close();
    }

    @Test
    void pipeIntoSendmailThenListHoldAndDelete() throws Exception {
        TegamiCtlAccess.Result sent = ctl("To: Bob <bob@example.org>\nBcc: carol@example.org\nSubject: piped\n\nhello\n",
                "sendmail", "-t", "-f", "alice@example.org");
        assertEquals(new TegamiCtlAccess.Result(0, "", ""), sent);
        QueueEntry e = queue.list().get(0);
        assertEquals("[bob@example.org, carol@example.org]", e.envelope().recipients().toString());
        String text = QueueToolsAccess.text(queue, e.queueId());
        assertTrue(text.contains("\nTo: Bob <bob@example.org>\nSubject: piped\n"), text);
        assertTrue(text.endsWith("\n\nhello\n"), text);

        TegamiCtlAccess.Result mailq = ctl("", "mailq");
        assertTrue(mailq.out().startsWith("-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\n"
                + e.queueId() + "*"), mailq.out());
        assertTrue(mailq.out().endsWith("-- 0 Kbytes in 1 Request.\n"), mailq.out());

        assertEquals(new TegamiCtlAccess.Result(0, "", "postsuper: " + e.queueId() + ": placed on hold\n"
                + "postsuper: Placed on hold: 1 message\n"), ctl("", "postsuper", "-h", e.queueId()));
        assertTrue(ctl("", "postqueue", "-p").out().contains(e.queueId() + "!"));
        assertTrue(ctl("", "postcat", "-q", e.queueId()).out().startsWith("*** ENVELOPE RECORDS hold/" + e.queueId() + " ***\n"));

        assertEquals(new TegamiCtlAccess.Result(0, "", "postsuper: Deleted: 1 message\n"), ctl("", "postsuper", "-d", "ALL"));
        assertEquals(new TegamiCtlAccess.Result(0, "Mail queue is empty\n", ""), ctl("", "mailq"));
    }

    @Test
    void sendmailErrorsExitOne() {
        TegamiCtlAccess.Result r = ctl("Subject: nobody\n\n", "sendmail");
        assertEquals(1, r.status());
        assertEquals("sendmail: fatal: Recipient addresses must be specified on the command line or via the -t option\n",
                r.err());
    }

    private TegamiCtlAccess.Result ctl(String stdin, String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "-s";
        args[1] = server.socket().toString();
        System.arraycopy(command, 0, args, 2, command.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = TegamiCtlAccess.run(args, home, in, out, err);
        return new TegamiCtlAccess.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
