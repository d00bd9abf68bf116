package io.tegami.api.store.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MessageInfo;

/** A listener that records every event, for the contract tests. Thread-safe. */
public final class RecordingListener implements MailboxListener {

    private final List<MessageInfo> added = new ArrayList<>();
    private final List<Long> expunged = new ArrayList<>();
    private final List<MessageInfo> flagsChanged = new ArrayList<>();
    private int closed;

    @Override
    public synchronized void added(List<MessageInfo> messages) {
        added.addAll(messages);
        notifyAll();
    }

    @Override
    public synchronized void expunged(List<Long> uids) {
        expunged.addAll(uids);
        notifyAll();
    }

    @Override
    public synchronized void flagsChanged(List<MessageInfo> messages) {
        flagsChanged.addAll(messages);
        notifyAll();
    }

    @Override
    public synchronized void closed() {
        closed++;
        notifyAll();
    }

    public synchronized List<MessageInfo> added() {
        return List.copyOf(added);
    }

    public synchronized List<Long> addedUids() {
        return added.stream().map(MessageInfo::uid).distinct().toList();
    }

    public synchronized List<Long> expunged() {
        return List.copyOf(expunged);
    }

    public synchronized List<MessageInfo> flagsChanged() {
        return List.copyOf(flagsChanged);
    }

    public synchronized boolean wasClosed() {
        return closed > 0;
    }

    public synchronized int eventCount() {
        return added.size() + expunged.size() + flagsChanged.size() + closed;
    }

    /**
     * Waits until {@code condition} holds (events are usually delivered before the changing call
     * returns; a store may deliver a little later).
     */
    public synchronized boolean await(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public boolean await(Supplier<Boolean> condition) throws InterruptedException {
        return await(condition, Duration.ofSeconds(5));
    }
}
