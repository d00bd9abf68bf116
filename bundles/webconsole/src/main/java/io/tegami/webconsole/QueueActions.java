package io.tegami.webconsole;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueException;

/**
 * The mail queue page's actions, as the Postfix tools do them: flush the whole queue
 * ({@code postqueue -f}), try chosen messages now ({@code postqueue -i}), delete, hold and release
 * them ({@code postsuper -d/-h/-H}). After an action the browser is redirected to the page with
 * only the action's name and count in the address ({@link #notice}), so that no text from the
 * request is ever shown back.
 */
final class QueueActions {

    /** The actions a form may ask for. */
    static final Set<String> ACTIONS = Set.of("flush", "flush-selected", "delete", "hold", "release");
    /** The most messages one request may name. */
    static final int MAX_IDS = 1000;

    /** What an action did: its name and how many messages it applied to. */
    record Outcome(String action, int count) {
    }

    private QueueActions() {
    }

    /**
     * Applies {@code action} to {@code ids}.
     *
     * @return the outcome, or empty for an unknown action
     * @throws QueueException if the queue failed
     */
    static Optional<Outcome> apply(MailQueue queue, String action, List<String> ids) throws QueueException {
        if (action == null || !ACTIONS.contains(action)) {
            return Optional.empty();
        }
        if (action.equals("flush")) {
            queue.flush();
            return Optional.of(new Outcome(action, 0));
        }
        List<String> chosen = ids.size() > MAX_IDS ? ids.subList(0, MAX_IDS) : ids;
        int n = 0;
        for (String id : chosen) {
            boolean done = switch (action) {
                case "delete" -> queue.delete(id);
                case "hold" -> queue.hold(id);
                case "release" -> queue.release(id);
                default -> queue.flush(id); // flush-selected
            };
            n += done ? 1 : 0;
        }
        return Optional.of(new Outcome(action, n));
    }

    /**
     * The sentence shown after an action, in postsuper's words; empty if {@code action} is not
     * one of ours (the query string is the user's to edit).
     */
    static Optional<String> notice(String action, int count) {
        if (action == null) {
            return Optional.empty();
        }
        String what = switch (action) {
            case "flush" -> "Flushed the queue: every deferred message is tried now";
            case "flush-selected" -> "Scheduled for delivery: " + messages(count);
            case "delete" -> "Deleted: " + messages(count);
            case "hold" -> "Placed on hold: " + messages(count);
            case "release" -> "Released from hold: " + messages(count);
            case "error" -> "The queue reported an error; see the mail log";
            case "forbidden" -> "Refused: the form was stale or came from another site; reload the page and try again";
            default -> null;
        };
        return Optional.ofNullable(what);
    }

    private static String messages(int n) {
        return n + (n == 1 ? " message" : " messages");
    }
}
