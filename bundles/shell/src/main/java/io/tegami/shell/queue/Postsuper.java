package io.tegami.shell.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import io.tegami.shell.CommandFailedException;

/**
 * {@code postsuper -d | -h | -H | -r  ID | ALL | -  [queue...]}: delete, hold, release, requeue.
 *
 * <p>Options repeat ({@code -d A -d B}); {@code ALL} (upper case, a safety measure) means every
 * message in the queues the operation applies to, narrowed by queue names given after the options;
 * {@code -} reads ids from standard input. Each message done is reported on standard error
 * ({@code postsuper: ID: removed}), then the totals ({@code postsuper: Deleted: 2 messages}), as
 * Postfix's postsuper reports them. {@code -p}, {@code -s}, {@code -S} and {@code -v} are accepted
 * and do nothing: the queue keeps its own structure.
 */
final class Postsuper {

    /** One operation, with the queues it applies to by default and the words it reports. */
    private enum Op {
        DELETE("removed", "Deleted", Set.of(QueueEntry.HOLD, QueueEntry.INCOMING, QueueEntry.ACTIVE, QueueEntry.DEFERRED)),
        REQUEUE("requeued", "Requeued", Set.of(QueueEntry.HOLD, QueueEntry.INCOMING, QueueEntry.ACTIVE, QueueEntry.DEFERRED)),
        HOLD("placed on hold", "Placed on hold", Set.of(QueueEntry.INCOMING, QueueEntry.ACTIVE, QueueEntry.DEFERRED)),
        RELEASE("released from hold", "Released from hold", Set.of(QueueEntry.HOLD));

        final String done;
        final String total;
        final Set<String> queues;

        Op(String done, String total, Set<String> queues) {
            this.done = done;
            this.total = total;
            this.queues = queues;
        }
    }

    private record Request(Op op, String id) {
    }

    private static final Set<String> QUEUE_NAMES =
            Set.of(QueueEntry.HOLD, QueueEntry.INCOMING, QueueEntry.ACTIVE, QueueEntry.DEFERRED);

    private final MailQueue queue;
    private final InputStream stdin;
    private final PrintStream err;

    /** @param queue the queue, or null while it is not running */
    Postsuper(MailQueue queue, InputStream stdin, PrintStream err) {
        this.queue = queue;
        this.stdin = stdin;
        this.err = err;
    }

    void run(String[] args) {
        List<Request> requests = new ArrayList<>();
        Set<String> queues = new LinkedHashSet<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-")) {
            String a = args[i++];
            char option = a.length() > 1 ? a.charAt(1) : '?';
            switch (option) {
                case 'd', 'h', 'H', 'r' -> {
                    String id = a.length() > 2 ? a.substring(2) : i < args.length ? args[i++] : null;
                    if (id == null) {
                        throw usage();
                    }
                    Op op = option == 'd' ? Op.DELETE : option == 'h' ? Op.HOLD : option == 'H' ? Op.RELEASE : Op.REQUEUE;
                    requests.add(new Request(op, id));
                }
                case 'p', 's', 'S', 'v' -> { } // structure checks: nothing to do here
                case 'c' -> throw new CommandFailedException("postsuper: fatal: -c is not supported: Tegami has one configuration");
                default -> throw usage();
            }
        }
        for (; i < args.length; i++) {
            if (!QUEUE_NAMES.contains(args[i])) {
                throw new CommandFailedException("postsuper: fatal: invalid directory name: " + QueueText.printable(args[i]));
            }
            queues.add(args[i]);
        }
        if (requests.isEmpty()) {
            return; // Postfix's default action is a structure check: ours needs none
        }
        if (queue == null) {
            throw new CommandFailedException("postsuper: fatal: mail system is down: the mail queue is not running");
        }
        int[] counts = new int[Op.values().length];
        for (Op op : new Op[] {Op.REQUEUE, Op.DELETE, Op.HOLD, Op.RELEASE}) {
            for (Request r : requests) {
                if (r.op() == op) {
                    counts[op.ordinal()] += apply(op, r.id(), queues.isEmpty() ? op.queues : queues);
                }
            }
        }
        for (Op op : new Op[] {Op.REQUEUE, Op.DELETE, Op.HOLD, Op.RELEASE}) {
            int n = counts[op.ordinal()];
            if (n > 0) {
                err.print("postsuper: " + op.total + ": " + n + " message" + (n > 1 ? "s" : "") + "\n");
            }
        }
    }

    private int apply(Op op, String id, Set<String> queues) {
        if (id.equals("ALL")) {
            int n = 0;
            for (QueueEntry e : list()) {
                if (queues.contains(e.queueName())) {
                    n += one(op, e.queueId(), queues, false); // mass operations report totals only
                }
            }
            return n;
        }
        if (id.equals("-")) {
            int n = 0;
            for (String line : stdinIds()) {
                n += one(op, line, queues, true);
            }
            return n;
        }
        return one(op, id, queues, true);
    }

    private int one(Op op, String id, Set<String> queues, boolean report) {
        if (!looksLikeQueueId(id)) {
            err.print("postsuper: warning: invalid mail queue id: " + QueueText.printable(id) + "\n");
            return 0;
        }
        try {
            Optional<QueueEntry> entry = queue.find(id);
            if (entry.isEmpty() || !queues.contains(entry.get().queueName())) {
                return 0;
            }
            boolean done = switch (op) {
                case DELETE -> queue.delete(id);
                case HOLD -> queue.hold(id);
                case RELEASE -> queue.release(id);
                case REQUEUE -> queue.requeue(id);
            };
            if (done && report) {
                err.print("postsuper: " + id + ": " + op.done + "\n");
            }
            return done ? 1 : 0;
        } catch (QueueException e) {
            err.print("postsuper: warning: " + e.getMessage() + "\n");
            return 0;
        }
    }

    private List<QueueEntry> list() {
        try {
            return queue.list();
        } catch (QueueException e) {
            throw new CommandFailedException("postsuper: fatal: cannot list the queue: " + e.getMessage());
        }
    }

    private List<String> stdinIds() {
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    ids.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new CommandFailedException("postsuper: fatal: reading queue ids: " + e.getMessage());
        }
        return ids;
    }

    /** Postfix's mail_queue_id_ok(): letters and digits only, so no id can name a path. */
    static boolean looksLikeQueueId(String id) {
        if (id.isEmpty() || id.length() > 100) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static CommandFailedException usage() {
        return new CommandFailedException("postsuper: fatal: usage: postsuper [-psSv] [-c config_dir]"
                + " [-d queue_id (delete)] [-h queue_id (hold)] [-H queue_id (un-hold)] [-r queue_id (requeue)]"
                + " [directory ...]");
    }
}
