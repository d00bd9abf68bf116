package io.tegami.shell.queue;

import java.io.PrintStream;
import java.time.ZoneId;

import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueException;
import io.tegami.shell.CommandFailedException;

/**
 * {@code postqueue -p | -j | -f | -i ID}, and {@code mailq} (which is {@code postqueue -p}), with
 * Postfix's messages.
 */
final class Postqueue {

    static final String USAGE = "postqueue: fatal: usage: postqueue -f | postqueue -i queueid | postqueue -j"
            + " | postqueue -p | postqueue -s site";

    private final MailQueue queue;
    private final ZoneId zone;

    /** @param queue the queue, or null while it is not running */
    Postqueue(MailQueue queue, ZoneId zone) {
        this.queue = queue;
        this.zone = zone;
    }

    void run(String[] args, PrintStream out) {
        if (args.length == 0) {
            throw new CommandFailedException(USAGE);
        }
        String option = args[0];
        String rest = args.length > 1 ? args[1] : null;
        switch (option) {
            case "-p" -> list(out);
            case "-j" -> json(out);
            case "-f" -> flush("postqueue");
            case "-i" -> flushOne(rest);
            case "-s" -> throw new CommandFailedException(
                    "postqueue: fatal: -s is not supported: there is no per-site fast flush; use postqueue -f");
            default -> {
                if (option.startsWith("-i") && option.length() > 2) {
                    flushOne(option.substring(2));
                } else {
                    throw new CommandFailedException(USAGE);
                }
            }
        }
    }

    /** {@code mailq}, {@code postqueue -p}, {@code sendmail -bp}. */
    void list(PrintStream out) {
        new MailqFormat(zone).write(listing(), out);
    }

    private void json(PrintStream out) {
        new MailqJson().write(listing(), out);
    }

    private java.util.List<io.tegami.api.queue.QueueEntry> listing() {
        if (queue == null) {
            throw new CommandFailedException("postqueue: fatal: Queue report unavailable - mail system is down");
        }
        try {
            return queue.list();
        } catch (QueueException e) {
            throw new CommandFailedException("postqueue: fatal: Queue report unavailable: " + e.getMessage());
        }
    }

    /** {@code postqueue -f}, {@code sendmail -q}, {@code postfix flush}. */
    void flush(String program) {
        if (queue == null) {
            throw new CommandFailedException(program + ": fatal: Cannot flush mail queue - mail system is down");
        }
        queue.flush();
    }

    /** {@code postqueue -i ID}: silent, as in Postfix, whether or not the message is there. */
    void flushOne(String id) {
        if (id == null || id.isEmpty()) {
            throw new CommandFailedException(USAGE);
        }
        if (!Postsuper.looksLikeQueueId(id)) {
            throw new CommandFailedException("postqueue: fatal: invalid mail queue id: " + QueueText.printable(id));
        }
        if (queue == null) {
            throw new CommandFailedException("postqueue: fatal: Cannot flush mail queue - mail system is down");
        }
        try {
            queue.flush(id);
        } catch (QueueException e) {
            throw new CommandFailedException("postqueue: fatal: " + e.getMessage());
        }
    }
}
