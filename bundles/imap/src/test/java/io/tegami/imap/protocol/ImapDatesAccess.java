package io.tegami.imap.protocol;

import java.time.Instant;

/** Test helper: parses a date-time without the checked exception. */
public final class ImapDatesAccess {

    private ImapDatesAccess() {
    }

    public static Instant parse(String text) {
        try {
            return ImapDates.parseDateTime(text);
        } catch (ParseException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}
