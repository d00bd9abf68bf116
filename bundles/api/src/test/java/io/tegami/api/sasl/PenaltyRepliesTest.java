package io.tegami.api.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.testing.FakeConnection;
import io.tegami.api.sasl.testing.FakePenalty;

class PenaltyRepliesTest {

    private final FakeConnection connection = new FakeConnection("imap", 143)
            .remote(new InetSocketAddress("192.0.2.9", 40000));
    private final List<String> replies = new ArrayList<>();

    @Test
    void aFailureIsAnsweredAfterThePenaltyDelayByATask() {
        FakePenalty penalty = new FakePenalty();
        penalty.delay = Duration.ofSeconds(3);
        PenaltyReplies.failed(penalty, connection, () -> replies.add("NO"));
        assertEquals(List.of(), replies, "nothing before the delay");
        assertEquals(List.of(Duration.ofSeconds(3)), connection.delays());
        assertEquals(List.of(address("192.0.2.9")), penalty.failures);
        connection.runTasks();
        assertEquals(List.of("NO"), replies);
    }

    @Test
    void noDelayAnswersAtOnce() {
        PenaltyReplies.failed(new FakePenalty(), connection, () -> replies.add("NO"));
        assertEquals(List.of("NO"), replies);
        assertEquals(List.of(), connection.delays());
    }

    @Test
    void withoutAServiceOrWithAFailingOneTheFallbackDelayApplies() {
        PenaltyReplies.failed(null, connection, () -> replies.add("NO"));
        AuthPenalty broken = new Broken();
        PenaltyReplies.failed(broken, connection, () -> replies.add("NO"));
        assertEquals(List.of(PenaltyReplies.FALLBACK_DELAY, PenaltyReplies.FALLBACK_DELAY), connection.delays());
        assertEquals(List.of(), replies);
    }

    @Test
    void aClosedConnectionAnswersAtOnceRatherThanNever() {
        FakePenalty penalty = new FakePenalty();
        penalty.delay = Duration.ofSeconds(3);
        connection.close();
        PenaltyReplies.failed(penalty, connection, () -> replies.add("NO"));
        assertEquals(List.of("NO"), replies);
    }

    @Test
    void banAndSuccessAreAdviceThatNeverBreaksALogin() {
        FakePenalty penalty = new FakePenalty();
        assertFalse(PenaltyReplies.banned(penalty, address("192.0.2.9")));
        penalty.banned = true;
        assertTrue(PenaltyReplies.banned(penalty, address("192.0.2.9")));
        assertFalse(PenaltyReplies.banned(null, address("192.0.2.9")));
        AuthPenalty broken = new Broken();
        assertFalse(PenaltyReplies.banned(broken, address("192.0.2.9")));
        PenaltyReplies.succeeded(broken, address("192.0.2.9")); // no exception
        PenaltyReplies.succeeded(penalty, address("192.0.2.9"));
        assertEquals(List.of(address("192.0.2.9")), penalty.successes);
        assertEquals(address("192.0.2.9"), PenaltyReplies.clientIp(connection));
    }

    /** A penalty service whose every call fails. */
    private static final class Broken implements AuthPenalty {
        @Override
        public Duration failure(InetAddress client) {
            throw new IllegalStateException("down");
        }

        @Override
        public void success(InetAddress client) {
            throw new IllegalStateException("down");
        }

        @Override
        public boolean banned(InetAddress client) {
            throw new IllegalStateException("down");
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
