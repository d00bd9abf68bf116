package io.tegami.imap.command;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.CommandPrefix;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.RawCommand;
import io.tegami.imap.session.CommandRunner;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.SessionState;

/**
 * Finds the command for a name in the session's state and runs it. Commands are registered per
 * state (RFC 3501 section 6 says which states each is valid in); a known command in the wrong
 * state gets {@code BAD} with the reason, an unknown one {@code BAD Unknown command}, and the
 * session goes on. Before the tagged response of a command in the selected state, the untagged
 * updates of other sessions are written (expunges held back where RFC 3501 7.4.1 says so).
 */
public final class CommandDispatcher implements CommandRunner {

    private final Map<SessionState, Map<String, ImapCommand>> table = new EnumMap<>(SessionState.class);
    private final Map<String, ImapCommand> any = new HashMap<>();

    public CommandDispatcher() {
        for (SessionState s : SessionState.values()) {
            table.put(s, new HashMap<>());
        }
    }

    /** Registers {@code command} in {@code states}. */
    public CommandDispatcher register(ImapCommand command, SessionState... states) {
        for (SessionState s : states) {
            table.get(s).put(command.name(), command);
        }
        any.put(command.name(), command);
        return this;
    }

    /** The command for {@code name} in {@code state}, or null. */
    public ImapCommand find(SessionState state, String name) {
        return table.get(state).get(name);
    }

    @Override
    public void run(ImapSession session, RawCommand raw) {
        session.out().startBatch();
        try {
            execute(session, raw);
        } finally {
            session.out().endBatch();
        }
    }

    private void execute(ImapSession session, RawCommand raw) {
        CommandReader r = new CommandReader(raw);
        String tag;
        try {
            tag = r.tag();
        } catch (ParseException e) {
            session.out().untagged("BAD Error in IMAP command received by server.");
            session.countBad();
            return;
        }
        String name;
        try {
            r.sp();
            name = r.keyword();
            if (name.equals("UID")) {
                r.sp();
                name = "UID " + r.keyword();
            }
        } catch (ParseException e) {
            complete(session, tag, Result.bad("Error in IMAP command received by server."), null);
            return;
        }
        ImapCommand command = find(session.state(), name);
        if (command == null) {
            complete(session, tag, refusal(session.state(), name), null);
            return;
        }
        Result result;
        try {
            result = command.execute(session, new Request(tag, name, r));
        } catch (ParseException e) {
            result = Result.bad("Error in IMAP command " + name + ": " + e.getMessage());
        } catch (CommandException e) {
            result = e.result();
        } catch (StoreException e) {
            result = StoreErrors.of(e, null);
        } catch (RuntimeException e) {
            ImapLog.warn("{}: {} failed", session.connection().id(), name, e);
            result = Result.no("[SERVERBUG] Internal error occurred. Refer to server log for more information.");
        }
        if (result.status() != Result.Status.PENDING) {
            complete(session, tag, result, command);
        }
    }

    /**
     * Ends a command: untagged updates (in the selected state), the tagged response, then its
     * follow-up action; LOGOUT closes the connection here.
     *
     * @param command the command, or null when none ran
     */
    public static void complete(ImapSession session, String tag, Result result, ImapCommand command) {
        if (session.state() == SessionState.SELECTED && !session.isClosing()) {
            boolean byUid = command != null && command.name().startsWith("UID ");
            session.syncSelected(command == null || !command.holdsExpunges() || byUid, byUid);
        }
        session.out().tagged(tag, result.line());
        if (result.status() == Result.Status.BAD) {
            session.countBad();
        } else {
            session.resetBad();
        }
        if (result.after() != null) {
            result.after().run();
        }
        if (session.state() == SessionState.LOGOUT && !session.isClosing()) {
            session.hangUp();
        }
    }

    /** Why {@code name} cannot run in {@code state}. */
    private Result refusal(SessionState state, String name) {
        if (!any.containsKey(name)) {
            return Result.bad("Error in IMAP command " + printable(name) + ": Unknown command.");
        }
        if (state == SessionState.NOT_AUTHENTICATED) {
            return Result.bad("Error in IMAP command " + name + ": Login first.");
        }
        if (state == SessionState.AUTHENTICATED && table.get(SessionState.SELECTED).containsKey(name)) {
            return Result.bad("No mailbox selected.");
        }
        if (table.get(SessionState.NOT_AUTHENTICATED).containsKey(name)) {
            return Result.bad("Error in IMAP command " + name + ": Already authenticated.");
        }
        return Result.bad("Error in IMAP command " + name + ": Not allowed in this state.");
    }

    @Override
    public String checkLiteral(ImapSession session, CommandPrefix prefix, long size, long commandBytes) {
        if (prefix.tag() == null || prefix.name() == null) {
            return "BAD Error in IMAP command received by server.";
        }
        ImapCommand command = find(session.state(), prefix.name());
        if (command == null) {
            return refusal(session.state(), prefix.name()).line();
        }
        long limit = command.literalLimit(session);
        if (limit >= 0 && size > limit) {
            return "NO [TOOBIG] Mail size is too large (APPENDLIMIT=" + limit + ").";
        }
        return null;
    }

    @Override
    public boolean countsTowardsLength(CommandPrefix prefix) {
        ImapCommand command = prefix.name() == null ? null : any.get(prefix.name());
        return command == null || command.literalLimit(null) < 0;
    }

    private static String printable(String name) {
        return ImapLog.printable(name.length() > 40 ? name.substring(0, 40) : name);
    }
}
