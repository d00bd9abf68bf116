package io.tegami.managesieve.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** The ManageSieve commands by upper-case name. */
public final class Commands {

    private static final Map<String, Command> ALL = Map.ofEntries(
            Map.entry("CAPABILITY", new Capability()),
            Map.entry("STARTTLS", new StartTls()),
            Map.entry("AUTHENTICATE", new Authenticate()),
            Map.entry("UNAUTHENTICATE", new Unauthenticate()),
            Map.entry("LOGOUT", new Logout()),
            Map.entry("NOOP", new Noop()),
            Map.entry("LISTSCRIPTS", new ListScripts()),
            Map.entry("PUTSCRIPT", new PutScript()),
            Map.entry("CHECKSCRIPT", new CheckScript()),
            Map.entry("GETSCRIPT", new GetScript()),
            Map.entry("SETACTIVE", new SetActive()),
            Map.entry("DELETESCRIPT", new DeleteScript()),
            Map.entry("RENAMESCRIPT", new RenameScript()),
            Map.entry("HAVESPACE", new HaveSpace()));

    private Commands() {
    }

    /**
     * Runs one command line: the verb must be an atom naming a command of the session's state
     * (Dovecot's managesieve-login knows only the login-time ones and answers any other with
     * {@code Error in MANAGESIEVE command received by server.}; after login, Pigeonhole's
     * managesieve names the command: {@code Error in MANAGESIEVE command FOO: Unknown command.}).
     *
     * @return false when the command was bad
     */
    public static boolean dispatch(SieveSession session, List<Token> tokens) {
        Token first = tokens.get(0);
        Command command = first.atom() ? find(first.text().toUpperCase(Locale.ROOT)) : null;
        if (command == null || (command.authenticatedOnly() && session.state() != SieveSession.State.AUTHENTICATED)) {
            session.reply(Responses.response("NO", null, session.state() != SieveSession.State.AUTHENTICATED
                    ? "Error in MANAGESIEVE command received by server."
                    : Args.error(first.atom() ? first.text().toUpperCase(Locale.ROOT) : "", "Unknown command.")));
            return false;
        }
        if (command.unauthenticatedOnly() && session.state() == SieveSession.State.AUTHENTICATED) {
            session.reply(Responses.response("NO", null, "Already authenticated."));
            return false;
        }
        return command.execute(session, tokens.subList(1, tokens.size()));
    }

    /**
     * The refusal of a line the parser could not read, in Dovecot's words: before login the
     * parser's message alone ({@code String contains invalid character.}), after login with the
     * command ({@code Error in MANAGESIEVE command NOOP: ...}). A command that does not exist is
     * refused as such before its arguments are read; PUTSCRIPT and CHECKSCRIPT read their script
     * as a stream, whose bad literal Pigeonhole reports as bad arguments.
     */
    public static String unparsable(io.tegami.managesieve.session.CommandReader.Bad bad, boolean authenticated) {
        boolean unknown = bad.verb() != null && find(bad.verb()) == null;
        if (!authenticated) {
            return unknown ? "Error in MANAGESIEVE command received by server." : bad.reason();
        }
        String reason = unknown ? "Unknown command." : bad.reason().equals("Invalid literal size")
                && ("PUTSCRIPT".equals(bad.verb()) || "CHECKSCRIPT".equals(bad.verb())) ? "Invalid arguments." : bad.reason();
        return "Error in MANAGESIEVE command" + (bad.verb() == null ? "" : " " + bad.verb()) + ": " + reason;
    }

    /** Whether the line starts with a command that may be given before login. */
    public static boolean knownBeforeLogin(List<Token> tokens) {
        Token first = tokens.get(0);
        Command command = first.atom() ? find(first.text().toUpperCase(Locale.ROOT)) : null;
        return command != null && !command.authenticatedOnly();
    }

    /** The command, or null when there is none of that name. */
    public static Command find(String verb) {
        return ALL.get(verb);
    }
}
