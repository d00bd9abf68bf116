package io.tegami.managesieve.command;

import java.util.List;

import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** One ManageSieve command (RFC 5804 section 2). Implementations are stateless. */
public interface Command {

    /**
     * Runs the command and writes its response.
     *
     * @param args the arguments after the command name
     * @return false when the command was malformed or refused as bad (counted against the limit)
     */
    boolean execute(SieveSession session, List<Token> args);

    /** True for the commands of the AUTHENTICATED state (all but the login-time ones). */
    default boolean authenticatedOnly() {
        return true;
    }

    /** True for STARTTLS and AUTHENTICATE, which make no sense once logged in. */
    default boolean unauthenticatedOnly() {
        return false;
    }
}
