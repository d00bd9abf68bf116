package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Debian's procmail as {@code mailbox_command}: local delivery hands every mailbox delivery to it,
 * with the From_ line, Return-Path: and Delivered-To: it expects, and its $HOME and $EXTENSION.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcmailIT {

    private int smtpPort;
    private Path bobsHome;

    @Configuration
    public Option[] configuration() {
        TestHome h = TestHome.create("procmail",
                "myhostname = mail.example.test",
                "recipient_delimiter = +",
                "mailbox_command = /usr/bin/procmail -a \"$EXTENSION\" MAILDIR=$HOME DEFAULT=$HOME/procmail.mbox $HOME/.procmailrc");
        h.addUser("bob", "secret");
        try {
            Path home = Files.createDirectories(h.home.resolve("data/home/bob"));
            // the rc file files by the -a argument ($1), as procmail recipes do with the extension;
            // procmail finds its rc file and MAILDIR from the passwd entry of its uid, so both are given
            Files.writeString(home.resolve(".procmailrc"), "EXT=$1\n:0:\n* EXT ?? ^^lists^^\nlists.mbox\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)));
    }

    @Before
    public void awaitListener() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        bobsHome = Path.of(System.getProperty("tegami.home")).toAbsolutePath().resolve("data/home/bob");
        Net.awaitListening(smtpPort, 20_000);
    }

    private void submit(String to, String marker) throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<sender@example.com>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + to + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send(("Subject: " + marker + "\n\nhello\n").replace("\n", "\r\n"));
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
    }

    private String awaitFile(Path file, String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file);
                if (text.contains(marker)) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + marker + " in " + file);
    }

    @Test
    public void procmailDeliversWithItsRecipesAndTheExtension() throws Exception {
        String marker = "procmail-" + System.nanoTime();
        submit("bob@localhost", marker);
        String mbox = awaitFile(bobsHome.resolve("procmail.mbox"), marker);
        assertTrue(mbox, mbox.startsWith("From sender@example.com  "));
        assertTrue(mbox, mbox.contains("\nReturn-Path: <sender@example.com>\nDelivered-To: bob@localhost\n"));

        submit("bob+lists@localhost", marker + "-lists");
        String lists = awaitFile(bobsHome.resolve("lists.mbox"), marker + "-lists");
        assertTrue(lists, lists.contains("\nDelivered-To: bob+lists@localhost\n"));
        assertFalse(Files.exists(bobsHome.resolve("Maildir/new")) && Files.list(bobsHome.resolve("Maildir/new")).findAny().isPresent());
    }
}
