package io.tegami.api.sieve;

import java.util.List;

/**
 * One thing a script asks to be done with a message. The engine produces the records below;
 * extensions may define their own actions, which a delivery agent that does not know them logs
 * and ignores.
 */
public interface SieveAction {

    /** Whether performing this action cancels the implicit keep (RFC 5228 section 2.10.2). */
    boolean cancelsImplicitKeep();

    /**
     * The action as Pigeonhole's {@code sieve-test} prints it: the first line without the leading
     * {@code " * "}, continuation lines (such as {@code "       + add IMAP flags: \seen"}) complete.
     */
    List<String> describe();

    /**
     * Store the message in a folder: {@code keep} (folder {@code INBOX}) and {@code fileinto}.
     *
     * @param folder the mailbox name as written in the script (modified UTF-7 is not applied)
     * @param flags IMAP flags to set (imap4flags), lower-cased system flags as Pigeonhole does
     * @param create whether to create the folder if missing (mailbox {@code :create})
     * @param copy whether {@code :copy} was given (the implicit keep is not cancelled)
     */
    record Store(String folder, List<String> flags, boolean create, boolean copy) implements SieveAction {
        /** Copies the flags. */
        public Store {
            flags = List.copyOf(flags);
        }

        @Override
        public boolean cancelsImplicitKeep() {
            return !copy;
        }

        @Override
        public List<String> describe() {
            List<String> lines = new java.util.ArrayList<>();
            lines.add("store message in folder: " + folder);
            if (!flags.isEmpty()) {
                lines.add("        + add IMAP flags: " + String.join(" ", flags));
            }
            if (copy) {
                lines.add("        + preserve implicit keep");
            }
            return lines;
        }
    }

    /**
     * Forward the message to another address ({@code redirect}).
     *
     * @param address the destination, a bare RFC 5321 address
     * @param copy whether {@code :copy} was given (the implicit keep is not cancelled)
     */
    record Redirect(String address, boolean copy) implements SieveAction {
        @Override
        public boolean cancelsImplicitKeep() {
            return !copy;
        }

        @Override
        public List<String> describe() {
            String line = "redirect message to: <" + address + ">";
            return copy ? List.of(line, "        + preserve implicit keep") : List.of(line);
        }
    }

    /**
     * Refuse the message ({@code reject}, or {@code ereject} when {@code extended}).
     *
     * @param reason the text given to the sender
     * @param extended whether it was {@code ereject}, which refuses in the SMTP dialogue when it can
     */
    record Reject(String reason, boolean extended) implements SieveAction {
        @Override
        public boolean cancelsImplicitKeep() {
            return true;
        }

        @Override
        public List<String> describe() {
            return List.of("reject message with reason: " + reason);
        }
    }

    /** Drop the message silently ({@code discard}). */
    record Discard() implements SieveAction {
        @Override
        public boolean cancelsImplicitKeep() {
            return true;
        }

        @Override
        public List<String> describe() {
            return List.of("discard");
        }
    }

    /**
     * Answer the sender with an autoreply (RFC 5230, RFC 6131); the agent sends it following
     * RFC 3834 and remembers {@code handle} per sender for {@code seconds}.
     *
     * @param reason the reply body (or a MIME entity when {@code mime})
     * @param subject the subject, or null for the default ({@code Auto: } and the original subject)
     * @param from the From address, or null for the recipient
     * @param addresses further addresses of the user ({@code :addresses})
     * @param mime whether {@code reason} is a MIME entity
     * @param handle what identifies this response for the once-per-period rule
     * @param seconds the period between replies to one sender
     */
    record Vacation(String reason, String subject, String from, List<String> addresses, boolean mime,
            String handle, long seconds) implements SieveAction {
        /** Copies the addresses. */
        public Vacation {
            addresses = List.copyOf(addresses);
        }

        @Override
        public boolean cancelsImplicitKeep() {
            return false;
        }

        @Override
        public List<String> describe() {
            List<String> lines = new java.util.ArrayList<>();
            lines.add("send vacation message:");
            lines.add("    => seconds : " + seconds);
            if (subject != null) {
                lines.add("    => subject : " + subject);
            }
            if (from != null) {
                lines.add("    => from    : " + from);
            }
            lines.add("    => handle  : " + handle);
            lines.add("");
            lines.add("START MESSAGE");
            // Pigeonhole prints the reason verbatim, CRLFs included.
            lines.add(reason);
            lines.add("END MESSAGE");
            return lines;
        }
    }
}
