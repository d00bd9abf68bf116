package io.tegami.imap.fake;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.tegami.api.sasl.AuthPenalty;

/** Counts failures and successes; never delays, so tests stay fast. */
public final class FakePenalty implements AuthPenalty {

    public final AtomicInteger failures = new AtomicInteger();
    public final AtomicInteger successes = new AtomicInteger();

    @Override
    public Duration failure(InetAddress client) {
        failures.incrementAndGet();
        return Duration.ZERO;
    }

    @Override
    public void success(InetAddress client) {
        successes.incrementAndGet();
    }
}
