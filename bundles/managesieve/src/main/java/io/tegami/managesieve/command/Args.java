package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.sieve.SieveScriptLocation;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveLog;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** Argument checks and the shared refusals of the script commands. */
final class Args {

    static final String INTERNAL_ERROR = "Internal error occurred. Refer to server log for more information.";

    private Args() {
    }

    /** How Pigeonhole words a refused command: {@code Error in MANAGESIEVE command VERB: MESSAGE}. */
    static String error(String verb, String message) {
        return "Error in MANAGESIEVE command " + verb + ": " + message;
    }

    /** Replies {@link #error} with {@code NO}; returns false (a bad command). */
    static boolean refuse(SieveSession session, String verb, String message) {
        session.reply(Responses.response("NO", null, error(verb, message)));
        return false;
    }

    /**
     * Exactly {@code count} string arguments, kept whole; otherwise {@code NO} (Pigeonhole's
     * {@code Missing arguments.}, {@code Too many arguments.} or {@code Invalid arguments.}) and null.
     */
    static List<String> strings(SieveSession session, String verb, List<Token> args, int count) {
        if (args.size() != count || args.stream().anyMatch(t -> !t.isString())) {
            refuse(session, verb, args.size() < count ? "Missing arguments."
                    : args.size() > count ? "Too many arguments." : "Invalid arguments.");
            return null;
        }
        List<String> values = new ArrayList<>();
        args.forEach(t -> values.add(t.text()));
        return values;
    }

    /**
     * Whether {@code name} names a script that may exist; otherwise {@code NO} as Pigeonhole
     * words it for {@code verb}: {@code Invalid Sieve script name `x'.} (PUTSCRIPT),
     * {@code Invalid script name.} (HAVESPACE), {@code Invalid script name `x'.} (the others).
     * A name Pigeonhole accepts but Tegami does not store (a leading dot: a hidden file) is
     * simply not there for the commands that read: {@code NO (NONEXISTENT)}.
     */
    static boolean validName(SieveSession session, String verb, String name) {
        if (SieveScriptLocation.validName(name)) {
            return true;
        }
        String shown = SieveLog.printable(name);
        boolean pigeonholeValid = !name.isEmpty() && name.chars().noneMatch(c -> c == '/' || c < 0x20 || c == 0x7f);
        // RENAMESCRIPT's new name (verb RENAMESCRIPT-TO) is one to create: refused, not missing.
        if (pigeonholeValid && !verb.equals("PUTSCRIPT") && !verb.equals("HAVESPACE") && !verb.endsWith("-TO")) {
            nonexistent(session, name);
        } else if (verb.equals("PUTSCRIPT")) {
            session.reply(Responses.response("NO", null, "Invalid Sieve script name `" + shown + "'."));
        } else if (verb.equals("HAVESPACE")) {
            session.reply(Responses.response("NO", null, "Invalid script name."));
        } else {
            session.reply(Responses.response("NO", null, "Invalid script name `" + shown + "'."));
        }
        return false;
    }

    /** {@code NO (NONEXISTENT)}, RFC 5804's answer for a script that is not there, in Pigeonhole's words. */
    static void nonexistent(SieveSession session, String name) {
        session.reply(Responses.response("NO", "NONEXISTENT", "Sieve script `" + SieveLog.printable(name) + "' not found"));
    }

    /**
     * A storage failure: logged, answered with a temporary error in Pigeonhole's words, stamped
     * with the local time so that the admin finds the log line
     * ({@code Internal error occurred. Refer to server log for more information. [2026-11-28 01:11:00]}).
     */
    static boolean failed(SieveSession session, String verb, IOException e) {
        SieveLog.userWarn(session.userName(), "Error: " + verb + " failed: " + e);
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        session.reply(Responses.response("NO", "TRYLATER", INTERNAL_ERROR + " [" + stamp + "]"));
        return true;
    }
}
