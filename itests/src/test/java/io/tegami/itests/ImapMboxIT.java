package io.tegami.itests;

import java.io.IOException;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every {@link ImapIT} scenario again on the mbox store: INBOX in the spool
 * ({@code data/spool/mail/%u}), other folders as mbox files under {@code ~/mail}, as Dovecot's
 * {@code mail_location = mbox:~/mail:INBOX=/var/mail/%u}. Angus Mail's folders, APPEND, SEARCH,
 * parts and flags, IDLE woken by an SMTP delivery into the spool, python3's imaplib, and two
 * sessions on one folder.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapMboxIT extends ImapIT {

    @Override
    @Configuration
    public Option[] configuration() throws IOException {
        return configuration(TestHome.create("imap-mbox", "mail_location = mbox:~/mail:INBOX=data/spool/mail/%u"));
    }
}
