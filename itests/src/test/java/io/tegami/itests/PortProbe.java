package io.tegami.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes one port on its own thread every ~20 ms: connect, read the greeting, close. A port is
 * available when the greeting starts as the protocol's does; everything else (refused, reset,
 * no greeting within a second) counts as unavailable. Keeps every sample, so that the outage
 * within any time window can be measured afterwards.
 */
final class PortProbe implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 20;

    private final String name;
    private final int port;
    private final String greeting;
    private final List<long[]> samples = new ArrayList<>(); // {time, 1 if available}
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean available;

    PortProbe(String name, int port, String greeting) {
        this.name = name;
        this.port = port;
        this.greeting = greeting;
        this.thread = new Thread(this::loop, "probe-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    String name() {
        return name;
    }

    /** Whether the last probe found the port greeting. */
    boolean available() {
        return available;
    }

    private void loop() {
        while (running) {
            long at = System.currentTimeMillis();
            boolean ok = probe();
            available = ok;
            synchronized (samples) {
                samples.add(new long[] {at, ok ? 1 : 0});
            }
            long rest = INTERVAL_MILLIS - (System.currentTimeMillis() - at);
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean probe() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(1000);
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return line != null && line.startsWith(greeting);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Milliseconds of unavailability in {@code [from, to)}: each unavailable sample counts until
     * the next sample (or {@code to}).
     */
    long unavailableMillis(long from, long to) {
        List<long[]> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        long total = 0;
        for (int i = 0; i < copy.size(); i++) {
            long at = copy.get(i)[0];
            long next = i + 1 < copy.size() ? copy.get(i + 1)[0] : to;
            if (copy.get(i)[1] == 0 && next > from && at < to) {
                total += Math.min(next, to) - Math.max(at, from);
            }
        }
        return total;
    }

    /** Waits until the probe reports {@code state}; returns false after {@code timeoutMillis}. */
    boolean await(boolean state, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (available != state) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
