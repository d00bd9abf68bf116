package io.tegami.shell.queue;

import io.tegami.api.config.MailParameters;
import io.tegami.api.queue.MailQueue;

/** Lets tests in other packages build the queue commands over an in-memory queue. */
public final class QueueToolsAccess {

    private QueueToolsAccess() {
    }

    public static MailQueue fakeQueue() {
        return new FakeQueue();
    }

    /** The content of a message in a {@link #fakeQueue()}. */
    public static String text(MailQueue fake, String id) {
        return ((FakeQueue) fake).text(id);
    }

    public static Object queueCommands(MailQueue queue) {
        return new QueueCommands(queue);
    }

    public static Object sendmail(MailQueue queue, MailParameters parameters) {
        return new SendmailCommand(queue, parameters);
    }
}
