package io.tegami.itests;

import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import io.tegami.api.store.MailStore;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The delivery-and-retrieval scenario of {@link Pop3IT} on the mbox store: mail delivered over
 * SMTP into the spool INBOX, retrieved and deleted by Angus Mail, Python's poplib and fetchmail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Pop3MboxIT {

    @Inject
    @Filter("(type=mbox)")
    private MailStore mbox;

    @Configuration
    public Option[] configuration() throws Exception {
        TestHome h = TestHome.create("pop3-mbox", "mail_location = mbox:~/mail:INBOX=data/spool/mail/%u");
        for (String user : Pop3Peers.SCENARIO_USERS) {
            h.addUser(user, "secret-" + user);
        }
        int pop3 = TestHome.freePort();
        Pop3Peers.writeListeners(h.home, pop3, TestHome.freePort());
        return options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)),
                systemProperty("tegami.test.pop3").value(String.valueOf(pop3)));
    }

    @Before
    public void setUp() throws Exception {
        Net.awaitListening(Integer.getInteger("tegami.test.smtp"), 20_000);
        Net.awaitListening(Integer.getInteger("tegami.test.pop3"), 20_000);
    }

    @Test
    public void peersRetrieveAndDelete() throws Exception {
        assumeTrue("python3 is not installed", Files.isExecutable(Pop3Peers.PYTHON));
        assumeTrue("fetchmail is not installed", Files.isExecutable(Pop3Peers.FETCHMAIL));
        Pop3Peers.deliverRetrieveDelete(mbox, Path.of(System.getProperty("tegami.home")),
                Integer.getInteger("tegami.test.smtp"), Integer.getInteger("tegami.test.pop3"));
    }
}
