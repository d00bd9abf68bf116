package io.tegami.api.sieve;

import java.util.List;

/**
 * The outcome of running a script on a message.
 *
 * @param actions the actions to perform, in order, duplicates already merged
 * @param implicitKeep whether the message must also be stored in INBOX (no action cancelled it,
 *        or the run failed)
 * @param keepFlags the IMAP flags for the implicit keep (imap4flags' internal variable)
 * @param headerEdits the editheader changes (RFC 5293) to apply to the message for every action
 *        that stores or forwards it, in order
 * @param error null after a successful run; otherwise why it failed, in Pigeonhole's words (the
 *        actions and edits are then empty and {@code implicitKeep} is true)
 * @param errorLine the script line of the command that failed, 0 when none
 */
public record SieveResult(List<SieveAction> actions, boolean implicitKeep, List<String> keepFlags,
        List<HeaderEdit> headerEdits, String error, int errorLine) {

    /** Copies the lists. */
    public SieveResult {
        actions = List.copyOf(actions);
        keepFlags = List.copyOf(keepFlags);
        headerEdits = List.copyOf(headerEdits);
    }

    /** The result of a failed run: implicit keep only, with the reason and the failing line. */
    public static SieveResult failed(String error, int line) {
        return new SieveResult(List.of(), true, List.of(), List.of(), error, line);
    }

    /** Whether the run succeeded. */
    public boolean succeeded() {
        return error == null;
    }

    /**
     * One header change, to apply while streaming the header: {@code PREPEND}s go before the
     * first field (the last one listed first), {@code APPEND}s after the last field, in order;
     * a {@code DELETE} drops the {@code occurrence}-th (1-based) original field of that name.
     *
     * @param kind what to do
     * @param name the field name
     * @param value the field value for additions (unfolded), null for deletions
     * @param occurrence for deletions, which original field of that name; 0 otherwise
     */
    public record HeaderEdit(Kind kind, String name, String value, int occurrence) {

        /** The kinds of change. */
        public enum Kind {
            /** Add a field at the top of the header. */
            PREPEND,
            /** Add a field at the end of the header. */
            APPEND,
            /** Delete an original field. */
            DELETE
        }
    }
}
