package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueueEntry;

class QueuePageTest {

    private final QueuePage page = new QueuePage(ZoneOffset.UTC);

    @Test
    void rowShowsWhatMailqShows() {
        QueueEntry e = FakeQueue.entry("3F2A91C04B7D", QueueEntry.DEFERRED, "bob@example.org", "alice@localhost");
        String html = page.render(List.of(e), "/system/console/mailqueue", "tok", Optional.empty(), false);
        assertTrue(html.contains("<tr data-queue-id=\"3F2A91C04B7D\"><td><input type=\"checkbox\" name=\"id\" "
                + "value=\"3F2A91C04B7D\" aria-label=\"select 3F2A91C04B7D\"></td><td class=\"queue-id\">3F2A91C04B7D</td>"
                + "<td>2048</td><td>2026-11-28 10:15:30</td><td>bob@example.org</td><td>alice@localhost</td>"
                + "<td class=\"queue-status\">deferred</td></tr>"), html);
        assertTrue(html.contains("-- 2 Kbytes in 1 Request."), html);
        assertTrue(html.contains("<form method=\"post\" action=\"/system/console/mailqueue\""), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"tegami-csrf\" value=\"tok\">"), html);
        for (String action : QueueActions.ACTIONS) {
            assertTrue(html.contains("name=\"action\" value=\"" + action + "\""), action);
        }
    }

    @Test
    void everythingFromTheMessageIsEscaped() {
        MailAddress sender = MailAddress.of("<script>alert(1)</script>", "evil.example");
        MailAddress rcpt = MailAddress.of("a\"b", "localhost");
        QueueEntry e = new QueueEntry("ABC", QueueEntry.DEFERRED, Envelope.of(sender, List.of(rcpt)), List.of(rcpt), 10,
                Instant.EPOCH, null, List.of(new QueueEntry.Recipient(rcpt, "host said <b>550</b> & 'no'")));
        String html = page.render(List.of(e), "/x?a=\"><script>", "t\"k", Optional.of("<i>n</i>"), false);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<i>"), html);
        assertTrue(html.contains("&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;@evil.example"), html);
        assertTrue(html.contains("(host said &lt;b&gt;550&lt;/b&gt; &amp; &#39;no&#39;)"), html);
        assertTrue(html.contains("value=\"t&quot;k\""), html);
        assertTrue(html.contains("action=\"/x?a=&quot;&gt;&lt;script&gt;\""), html);
        assertTrue(html.contains(">&lt;i&gt;n&lt;/i&gt;</p>"), html);
    }

    @Test
    void statusNamesTheQueueAndTheReasonWhenNoRecipientHasOne() {
        QueueEntry held = FakeQueue.entry("A", QueueEntry.HOLD, "b@example.org", "a@localhost");
        assertEquals("on hold", QueuePage.status(held));
        QueueEntry deferred = new QueueEntry("B", QueueEntry.DEFERRED, held.envelope(), held.pending(), 1, Instant.EPOCH,
                "connection refused");
        assertEquals("deferred: connection refused", QueuePage.status(deferred));
        QueueEntry active = new QueueEntry("C", QueueEntry.ACTIVE, held.envelope(), held.pending(), 1, Instant.EPOCH, null);
        assertEquals("active", QueuePage.status(active));
    }

    @Test
    void nullSenderIsMailerDaemonAndSeveralRecipientsAreListed() {
        QueueEntry e = new QueueEntry("D", QueueEntry.DEFERRED,
                Envelope.of(MailAddress.NULL_SENDER, List.of(MailAddress.parse("a@x.org"), MailAddress.parse("b@x.org"))),
                List.of(MailAddress.parse("a@x.org"), MailAddress.parse("b@x.org")), 1, Instant.EPOCH, null);
        String html = page.render(List.of(e, e), "/q", "t", Optional.empty(), false);
        assertTrue(html.contains("<td>MAILER-DAEMON</td><td>a@x.org<br>b@x.org</td>"), html);
        assertTrue(html.contains("-- 1 Kbytes in 2 Requests."), html);
    }

    @Test
    void emptyAndUnavailableQueues() {
        assertTrue(page.render(List.of(), "/q", "t", Optional.empty(), false).contains("Mail queue is empty"));
        String down = page.render(List.of(), "/q", "t", Optional.of("Deleted: 1 message"), true);
        assertTrue(down.contains("The mail queue is not running"), down);
        assertTrue(down.contains("id=\"tegami-notice\">Deleted: 1 message</p>"), down);
        assertFalse(down.contains("<form"), "no actions without a queue: " + down);
    }
}
