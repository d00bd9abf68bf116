package io.tegami.imap.command;

import io.tegami.api.store.StoreException;
import io.tegami.imap.session.ImapLog;

/** The tagged {@code NO} for a store failure, with the RFC 5530 response code its reason calls for. */
final class StoreErrors {

    private StoreErrors() {
    }

    /** The result for {@code e}; {@code mailbox} is named in NONEXISTENT responses (may be null). */
    static Result of(StoreException e, String mailbox) {
        return Result.no(text(e, mailbox, false));
    }

    /** As {@link #of}, but a missing target says {@code [TRYCREATE]} (APPEND, COPY, MOVE). */
    static Result target(StoreException e, String mailbox) {
        return Result.no(text(e, mailbox, true));
    }

    static String text(StoreException e, String mailbox, boolean target) {
        return switch (e.reason()) {
            case NOT_FOUND -> (target ? "[TRYCREATE]" : "[NONEXISTENT]") + " Mailbox doesn't exist: "
                    + ImapLog.printable(mailbox == null ? "" : mailbox);
            case ALREADY_EXISTS -> "[ALREADYEXISTS] Mailbox already exists";
            case INVALID_NAME -> "[CANNOT] " + ImapLog.printable(e.getMessage());
            case NOT_ALLOWED -> "[CANNOT] " + ImapLog.printable(e.getMessage());
            case NO_SPACE -> "[OVERQUOTA] Quota exceeded (mailbox for user is full)";
            case IO -> {
                ImapLog.warn("mail store failure: {}", e.toString());
                yield "[UNAVAILABLE] Internal error occurred. Refer to server log for more information.";
            }
        };
    }
}
