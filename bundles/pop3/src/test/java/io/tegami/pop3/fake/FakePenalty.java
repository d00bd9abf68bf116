package io.tegami.pop3.fake;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.sasl.AuthPenalty;

/** Records failures and successes; answers a fixed delay (none unless told). */
public final class FakePenalty implements AuthPenalty {

    public final List<InetAddress> failures = new ArrayList<>();
    public final List<InetAddress> successes = new ArrayList<>();
    public Duration delay = Duration.ZERO;

    @Override
    public Duration failure(InetAddress client) {
        failures.add(client);
        return delay;
    }

    @Override
    public void success(InetAddress client) {
        successes.add(client);
    }
}
