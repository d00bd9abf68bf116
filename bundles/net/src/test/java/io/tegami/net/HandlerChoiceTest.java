package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.ProtocolHandler;

class HandlerChoiceTest {

    private final ProtocolHandler a = c -> null;
    private final ProtocolHandler b = c -> null;
    private final ProtocolHandler imap = c -> null;

    private static Map<String, Object> props(Object protocol, long id, int ranking) {
        return Map.of("protocol", protocol, "service.id", id, "service.ranking", ranking);
    }

    @Test
    void highestRankingThenLowestIdWins() {
        HandlerChoice choice = new HandlerChoice();
        choice.put(imap, props("imap", 1, 100));
        assertNull(choice.best("smtp"));
        choice.put(b, props("smtp", 3, 0));
        choice.put(a, props("smtp", 2, 0));
        assertSame(a, choice.best("smtp"), "same ranking: the older service");
        choice.put(b, props("smtp", 3, 5));
        assertSame(b, choice.best("smtp"), "ranking updated");
        choice.remove(b, props("smtp", 3, 5));
        assertSame(a, choice.best("smtp"));
        choice.remove(a, props("smtp", 2, 0));
        assertNull(choice.best("smtp"));
        assertSame(imap, choice.best("imap"));
    }

    @Test
    void protocolMayBeAListAndCaseDoesNotMatter() {
        HandlerChoice choice = new HandlerChoice();
        choice.put(a, props(new String[] {"pop3", "SMTP"}, 1, 0));
        assertSame(a, choice.best("smtp"));
        assertTrue(choice.serves(a, "pop3"));
        choice.put(a, props("pop3", 1, 0));
        assertFalse(choice.serves(a, "smtp"), "an update that drops the protocol");
    }
}
