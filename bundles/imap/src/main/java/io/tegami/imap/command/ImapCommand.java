package io.tegami.imap.command;

import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * One IMAP command. Implementations are stateless and shared by every session; they read their
 * arguments from the request, write untagged responses, and return the tagged result. The
 * {@link CommandDispatcher} turns a {@link ParseException} into {@code BAD} and a
 * {@link StoreException} into the {@code NO} its reason calls for.
 */
public interface ImapCommand {

    /** The command name in upper case ({@code UID FETCH} for a UID form). */
    String name();

    /** Runs the command. */
    Result execute(ImapSession session, Request request) throws ParseException, StoreException, CommandException;

    /**
     * Whether expunges by other sessions must wait until a later command (RFC 3501 7.4.1: not
     * during FETCH, STORE and SEARCH, whose sequence numbers would shift; COPY too, for safety).
     */
    default boolean holdsExpunges() {
        return false;
    }

    /**
     * The largest literal this command takes, or -1 for the command length limit only
     * (APPEND takes a message up to the APPENDLIMIT, spooled to disk).
     */
    default long literalLimit(ImapSession session) {
        return -1;
    }
}
