package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import org.junit.jupiter.api.Test;

/**
 * Postfix's check_rcpt_maps() and canonical maps: an address the queue's rewriters change is
 * validated as what it becomes, asked of the {@link AddressRewriter} services rather than of
 * the tables.
 */
class RewrittenRecipientTest {

    private static final String UNKNOWN = "550 5.1.1 <sales@host>: Recipient address rejected: User unknown in local recipient table";

    private final Fixture fixture = new Fixture();

    /** A canonical table in a map; records what it was asked. */
    private static final class MapRewriter implements AddressRewriter {
        final Map<String, String> table;
        final List<String> asked = new ArrayList<>();

        MapRewriter(Map<String, String> table) {
            this.table = table;
        }

        @Override
        public String rewrite(String address, AddressClass addressClass, MessageContext message) {
            asked.add(addressClass.postfixName() + " " + message.context() + " " + address + " from="
                    + message.envelope().sender() + " to=" + message.envelope().recipients());
            return table.getOrDefault(address, address);
        }
    }

    @Test
    void aNameThatBecomesAUserIsAccepted() {
        MapRewriter canonical = new MapRewriter(Map.of("sales@host", "alice@host"));
        fixture.rewriters.add(canonical);
        assertNull(fixture.rcpt("sales@host"));
        assertEquals(List.of("envelope_recipient " + RewriteContext.LOCAL + " sales@host from=sender@example.com to=[sales@host]"),
                canonical.asked);
        assertEquals(List.of("alice"), fixture.users.lookups(), "the user that will get the mail is the one checked");
    }

    @Test
    void withoutTheRewriterItIsUnknown() {
        assertEquals(UNKNOWN, fixture.rcpt("sales@host"));
    }

    @Test
    void aNameThatBecomesAnotherUnknownNameIsRefused() {
        fixture.rewriters.add(new MapRewriter(Map.of("sales@host", "nobody@localhost")));
        assertEquals(UNKNOWN, fixture.rcpt("sales@host"));
        assertEquals(List.of("nobody"), fixture.users.lookups());
    }

    @Test
    void aNameThatGoesToAnotherDomainIsAccepted() {
        fixture.rewriters.add(new MapRewriter(Map.of("sales@host", "sales@elsewhere.example")));
        assertNull(fixture.rcpt("sales@host"));
        assertTrue(fixture.users.lookups().isEmpty());
    }

    @Test
    void rewritersChainInOrder() {
        fixture.rewriters.add(new MapRewriter(Map.of("sales@host", "team@host")));
        fixture.rewriters.add(new MapRewriter(Map.of("team@host", "alice@host")));
        assertNull(fixture.rcpt("sales@host"));
    }

    @Test
    void remoteRecipientsAreNotAskedAbout() {
        MapRewriter canonical = new MapRewriter(Map.of());
        fixture.rewriters.add(canonical);
        fixture.inside();
        assertNull(fixture.rcpt("someone@remote.example"));
        assertTrue(canonical.asked.isEmpty());
    }

    @Test
    void aFailedLookupIsTemporaryAndABrokenRewriterIsSkipped() {
        fixture.rewriters.add((a, c, m) -> {
            throw new RewriteException("hash:/etc/canonical: cannot open");
        });
        assertEquals("451 4.3.0 <sales@host>: Temporary lookup failure", fixture.rcpt("sales@host"));

        Fixture other = new Fixture();
        other.rewriters.add((a, c, m) -> {
            throw new IllegalStateException("bug");
        });
        other.rewriters.add((a, c, m) -> a.equals("sales@host") ? "" : a);
        other.rewriters.add(new MapRewriter(Map.of("sales@host", "alice@host")));
        assertNull(other.rcpt("sales@host"));
    }

    @Test
    void anIncompleteAnswerKeepsTheAddress() {
        fixture.rewriters.add(new MapRewriter(Map.of("sales@host", "alice")));
        assertEquals(UNKNOWN, fixture.rcpt("sales@host"));
    }

    @Test
    void unlistedSendersAskTheSenderClass() {
        MapRewriter canonical = new MapRewriter(Map.of("bob@host", "alice@host"));
        fixture.rewriters.add(canonical);
        fixture.set("smtpd_reject_unlisted_sender", "yes");
        fixture.sender = "bob@host";
        assertNull(fixture.rcpt("alice@host"));
        assertTrue(canonical.asked.stream().anyMatch(a -> a.startsWith("envelope_sender LOCAL bob@host from=bob@host to=[alice@host]")),
                canonical.asked.toString());
    }
}
