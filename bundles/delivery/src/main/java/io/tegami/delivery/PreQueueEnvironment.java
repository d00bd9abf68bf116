package io.tegami.delivery;

import java.io.IOException;
import java.time.Instant;

import io.tegami.api.config.MailParameters;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.user.User;

/**
 * What a pre-queue run ({@link PreQueueSieve}) may ask: the scripts {@code include} names and
 * whether a duplicate was seen, both read-only; nothing is written ({@code duplicate} marks are
 * dropped: delivery makes them). The user's mailboxes are not opened before the message is even
 * queued, so a script that asks whether one exists makes the run {@link #uncertain()}: its answer
 * could differ from delivery's, and then the SMTP server must not refuse on it.
 */
final class PreQueueEnvironment implements SieveEnvironment {

    private final MailParameters parameters;
    private final User user;
    private final DuplicateMemory memory;
    private final Instant now;
    private volatile boolean uncertain;

    PreQueueEnvironment(MailParameters parameters, User user, Instant now) {
        this.parameters = parameters;
        this.user = user;
        this.memory = new DuplicateMemory(user.home());
        this.now = now;
    }

    /** Whether the run asked something only delivery can answer. */
    boolean uncertain() {
        return uncertain;
    }

    @Override
    public boolean mailboxExists(String mailbox) {
        if (mailbox.equalsIgnoreCase(MailboxSession.INBOX)) {
            return true;
        }
        uncertain = true;
        return false;
    }

    @Override
    public String includeScript(String name, boolean global) {
        return SieveDelivery.includeScript(parameters, user, name, global);
    }

    @Override
    public boolean duplicateSeen(String key) {
        try {
            return memory.seen("duplicate\0" + key, now);
        } catch (IOException e) {
            uncertain = true;
            return false;
        }
    }

    @Override
    public void duplicateMark(String key, long seconds, boolean last) {
        // Side-effect free: the delivery that follows marks it, once.
    }
}
