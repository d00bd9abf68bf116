package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.SubjectTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The IMAP server through the real bundles and sockets: Angus Mail's IMAP client (folders,
 * APPEND, SEARCH, fetching parts, flags, IDLE woken by a message delivered over SMTP), implicit
 * TLS, raw-socket checks of the greeting and STARTTLS, and python3's imaplib.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapIT {

    private int imapPort;
    private int imapsPort;
    private int smtpPort;

    @Configuration
    public Option[] configuration() throws IOException {
        return configuration(TestHome.create("imap"));
    }

    /** The container for {@code home} (a Maildir one here; {@link ImapMboxIT} passes an mbox one). */
    static Option[] configuration(TestHome home) throws IOException {
        home.addUser("alice", "secret");
        home.addUser("bob", "hunter2");
        int imap = TestHome.freePort();
        int imaps = TestHome.freePort();
        listener(home, "imap", imap, "starttls");
        listener(home, "imaps", imaps, "implicit");
        return options(
                composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.imap").value(String.valueOf(imap)),
                systemProperty("tegami.test.imaps").value(String.valueOf(imaps)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)));
    }

    /** As configs/tegami.listener-imap*.cfg, on a free port. */
    static void listener(TestHome home, String name, int port, String tls) {
        try {
            Files.writeString(home.home.resolve("configs").resolve("tegami.listener-" + name + ".cfg"),
                    "name = " + name + "\nprotocol = imap\naddress = 127.0.0.1\nport = " + port + "\ntls = " + tls
                            + "\nidle_timeout = 1800\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void awaitListeners() throws Exception {
        imapPort = Integer.getInteger("tegami.test.imap");
        imapsPort = Integer.getInteger("tegami.test.imaps");
        smtpPort = Integer.getInteger("tegami.test.smtp");
        Net.awaitListening(imapPort, 20_000);
        Net.awaitListening(imapsPort, 20_000);
        Net.awaitListening(smtpPort, 20_000);
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(imapPort));
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "20000");
        props.put("mail.imaps.host", "127.0.0.1");
        props.put("mail.imaps.port", String.valueOf(imapsPort));
        props.put("mail.imaps.ssl.trust", "*");
        props.put("mail.imaps.ssl.checkserveridentity", "false");
        props.put("mail.imaps.timeout", "20000");
        return Session.getInstance(props);
    }

    /** Jakarta Mail finds its providers and content handlers through the context class loader. */
    private interface MailWork {
        void run(Session session) throws Exception;
    }

    private void withMail(MailWork work) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            work.run(session());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    public void greetingAndCapabilitiesOverARawSocket() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), imapPort)) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            String greeting = in.readLine();
            assertTrue(greeting, greeting.matches("\\* OK \\[CAPABILITY IMAP4rev1 .*STARTTLS AUTH=PLAIN.*\\] Tegami ready\\."));
            out.write("a1 FOO\r\na2 LOGIN alice secret\r\na3 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("a1 BAD Error in IMAP command FOO: Unknown command.", in.readLine());
            String login = in.readLine();
            assertTrue(login, login.startsWith("a2 OK [CAPABILITY IMAP4rev1 ") && login.contains(" IDLE ") && login.contains("UIDPLUS"));
            assertEquals("* BYE Logging out", in.readLine());
            assertEquals("a3 OK Logout completed.", in.readLine());
            assertEquals(null, in.readLine());
        }
    }

    @Test
    public void angusMailFoldersAppendSearchFetchFlags() throws Exception {
        withMail(session -> {
            IMAPStore store = (IMAPStore) session.getStore("imap");
            store.connect("127.0.0.1", imapPort, "alice", "secret");
            try {
                Set<String> names = new TreeSet<>();
                for (Folder f : store.getDefaultFolder().list("*")) {
                    names.add(f.getFullName());
                }
                assertTrue(names.toString(), names.containsAll(Set.of("INBOX", "Drafts", "Sent", "Trash", "Junk")));

                Folder work = store.getFolder("Work");
                assertTrue(work.create(Folder.HOLDS_MESSAGES));
                String subject = "Report " + System.nanoTime();
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("bob@localhost"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@localhost"));
                message.setSubject(subject);
                MimeMultipart multipart = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText("See the attachment.\n", "UTF-8");
                MimeBodyPart attachment = new MimeBodyPart();
                attachment.setContent(new byte[] {0, 1, 2, 3, 4}, "application/octet-stream");
                attachment.setFileName("data.bin");
                multipart.addBodyPart(text);
                multipart.addBodyPart(attachment);
                message.setContent(multipart);
                message.saveChanges();
                ((IMAPFolder) work).appendUIDMessages(new Message[] {message});

                work.open(Folder.READ_WRITE);
                Message[] found = work.search(new SubjectTerm(subject));
                assertEquals(1, found.length);
                Message m = found[0];
                assertEquals(subject, m.getSubject());
                assertEquals("bob@localhost", ((InternetAddress) m.getFrom()[0]).getAddress());
                MimeMultipart fetched = (MimeMultipart) m.getContent();
                assertEquals(2, fetched.getCount());
                BodyPart first = fetched.getBodyPart(0);
                assertEquals("See the attachment.\n", ((String) first.getContent()).replace("\r\n", "\n"));
                BodyPart second = fetched.getBodyPart(1);
                assertEquals("data.bin", second.getFileName());
                try (InputStream in = second.getInputStream()) {
                    assertTrue(Arrays.equals(new byte[] {0, 1, 2, 3, 4}, in.readAllBytes()));
                }
                assertTrue(m.isSet(Flags.Flag.SEEN));
                m.setFlag(Flags.Flag.FLAGGED, true);
                m.setFlag(Flags.Flag.DELETED, true);
                work.expunge();
                assertEquals(0, work.getMessageCount());
                work.close(false);
                assertTrue(work.delete(false));
            } finally {
                store.close();
            }
        });
    }

    @Test
    public void idleWakesUpForMailDeliveredOverSmtp() throws Exception {
        withMail(session -> {
            IMAPStore store = (IMAPStore) session.getStore("imap");
            store.connect("127.0.0.1", imapPort, "bob", "hunter2");
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            CountDownLatch arrived = new CountDownLatch(1);
            AtomicReference<String> subject = new AtomicReference<>();
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    try {
                        subject.set(e.getMessages()[0].getSubject());
                    } catch (Exception ex) {
                        subject.set(ex.toString());
                    }
                    arrived.countDown();
                }
            });
            Thread idler = new Thread(() -> {
                try {
                    while (arrived.getCount() > 0) {
                        inbox.idle(true);
                    }
                } catch (Exception e) {
                    // the folder closes at the end of the test
                }
            }, "idler");
            idler.start();
            try {
                Thread.sleep(500); // let IDLE begin
                String sent = "Delivered while idling " + System.nanoTime();
                try (SmtpClient smtp = new SmtpClient(smtpPort)) {
                    smtp.reply();
                    smtp.command("EHLO client.example");
                    assertTrue(smtp.command("MAIL FROM:<alice@localhost>").startsWith("250"));
                    assertTrue(smtp.command("RCPT TO:<bob@localhost>").startsWith("250"));
                    assertTrue(smtp.command("DATA").startsWith("354"));
                    String reply = smtp.command("Subject: " + sent + "\r\n\r\nHello Bob.\r\n.");
                    assertTrue(reply, reply.startsWith("250"));
                    smtp.command("QUIT");
                }
                assertTrue("IDLE saw the delivery", arrived.await(30, TimeUnit.SECONDS));
                assertEquals(sent, subject.get());
            } finally {
                inbox.close(false);
                store.close();
                idler.join(10_000);
            }
        });
    }

    @Test
    public void implicitTls() throws Exception {
        withMail(session -> {
            IMAPStore store = (IMAPStore) session.getStore("imaps");
            store.connect("127.0.0.1", imapsPort, "alice", "secret");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertTrue(inbox.getMessageCount() >= 0);
                inbox.close(false);
            } finally {
                store.close();
            }
        });
    }

    @Test
    public void pythonImaplib() throws Exception {
        String script = String.join("\n",
                "import imaplib, sys",
                "m = imaplib.IMAP4('127.0.0.1', " + imapPort + ")",
                "m.login('alice', 'secret')",
                "typ, data = m.append('INBOX', '(\\\\Seen)', None, b'Subject: from python\\r\\n\\r\\nhello\\r\\n')",
                "assert typ == 'OK', (typ, data)",
                "typ, data = m.select('INBOX')",
                "assert typ == 'OK', (typ, data)",
                "typ, data = m.search(None, 'SUBJECT', '\"from python\"')",
                "nums = data[0].split()",
                "assert len(nums) >= 1, data",
                "typ, data = m.fetch(nums[-1], '(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])')",
                "assert b'from python' in data[0][1], data",
                "typ, data = m.store(nums[-1], '+FLAGS', '\\\\Deleted')",
                "assert typ == 'OK' and b'Deleted' in data[0], data",
                "typ, data = m.expunge()",
                "assert typ == 'OK', (typ, data)",
                "m.close()",
                "m.logout()",
                "print('imaplib OK')",
                "");
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        assertTrue("python3 finished", p.waitFor(60, TimeUnit.SECONDS));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(output, 0, p.exitValue());
        assertTrue(output, output.contains("imaplib OK"));
    }

    /** A line-level client for transcripts: sends a tagged command, returns its lines up to the tagged one. */
    private static final class Raw implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Raw(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            in.readLine();
        }

        String command(String tag, String text) throws IOException {
            out.write((tag + " " + text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                sb.append(line).append('\n');
                if (line.startsWith(tag + " ")) {
                    break;
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    public void twoSessionsOnOneFolderSeeEachOther() throws Exception {
        try (Raw a = new Raw(imapPort); Raw b = new Raw(imapPort)) {
            a.command("a1", "LOGIN alice secret");
            b.command("b1", "LOGIN alice secret");
            a.command("a2", "CREATE Shared");
            String select = a.command("a3", "SELECT Shared");
            assertTrue(select, select.contains("* 0 EXISTS"));
            b.command("b2", "SELECT Shared");
            String msg = "Subject: shared\r\n\r\nhi\r\n";
            assertTrue(b.command("b3", "APPEND Shared {" + msg.length() + "+}\r\n" + msg).contains("b3 OK [APPENDUID"));
            String noop = a.command("a4", "NOOP");
            assertTrue(noop, noop.contains("* 1 EXISTS\n* 1 RECENT\n"));
            b.command("b4", "STORE 1 +FLAGS (\\Deleted)");
            b.command("b5", "EXPUNGE");
            String fetch = a.command("a5", "FETCH 1 (FLAGS)");
            assertTrue("no EXPUNGE during FETCH: " + fetch, !fetch.contains("EXPUNGE") && fetch.contains("\\Deleted"));
            noop = a.command("a6", "NOOP");
            assertTrue(noop, noop.startsWith("* 1 EXPUNGE\n"));
            a.command("a7", "CLOSE");
            assertTrue(a.command("a8", "DELETE Shared").contains("a8 OK"));
        }
    }

    @Test
    public void starttlsOverARawSocket() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), imapPort)) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            in.readLine();
            out.write("t1 STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("t1 OK Begin TLS negotiation now.", in.readLine());
            try (Socket tls = Net.upgrade(s, imapPort)) {
                BufferedReader tin = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream tout = tls.getOutputStream();
                tout.write("t2 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
                tout.flush();
                String caps = tin.readLine();
                assertNotNull(caps);
                assertTrue(caps, caps.startsWith("* CAPABILITY IMAP4rev1") && !caps.contains("STARTTLS"));
                assertEquals("t2 OK Capability completed.", tin.readLine());
            }
        }
    }
}
