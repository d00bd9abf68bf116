package io.tegami.api.sasl.testing;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tegami.api.sasl.AuthPenalty;

/**
 * Records failures and successes (from any thread) by client address; answers a fixed delay,
 * none unless told, so that tests stay fast, and bans nobody unless told.
 */
public final class FakePenalty implements AuthPenalty {

    public final List<InetAddress> failures = Collections.synchronizedList(new ArrayList<>());
    public final List<InetAddress> successes = Collections.synchronizedList(new ArrayList<>());
    public volatile Duration delay = Duration.ZERO;
    /** What {@link #banned} answers for every client. */
    public volatile boolean banned;

    @Override
    public Duration failure(InetAddress client) {
        failures.add(client);
        return delay;
    }

    @Override
    public void success(InetAddress client) {
        successes.add(client);
    }

    @Override
    public boolean banned(InetAddress client) {
        return banned;
    }
}
