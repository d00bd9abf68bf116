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

    /**
     * Exactly {@code count} string arguments, kept whole; otherwise {@code NO} and null.
     */
    static List<String> strings(SieveSession session, String verb, List<Token> args, int count) {
        if (args.size() != count || args.stream().anyMatch(t -> !t.isString())) {
            session.reply(Responses.response("NO", null, "Error in " + verb + " command: "
                    + (args.size() != count ? "Wrong number of arguments." : "Invalid arguments.")));
            return null;
        }
        List<String> values = new ArrayList<>();
        args.forEach(t -> values.add(t.text()));
        return values;
    }

    /** Whether {@code name} is a valid script name; otherwise {@code NO}. */
    static boolean validName(SieveSession session, String name) {
        if (SieveScriptLocation.validName(name)) {
            return true;
        }
        session.reply(Responses.response("NO", null, "Invalid script name '" + SieveLog.printable(name) + "'."));
        return false;
    }

    /** {@code NO (NONEXISTENT)}, RFC 5804's answer for a script that is not there. */
    static void nonexistent(SieveSession session, String name) {
        session.reply(Responses.response("NO", "NONEXISTENT",
                "Script '" + SieveLog.printable(name) + "' does not exist."));
    }

    /** A storage failure: logged, answered with a temporary error. */
    static boolean failed(SieveSession session, String verb, IOException e) {
        SieveLog.userWarn(session.userName(), "Error: " + verb + " failed: " + e);
        session.reply(Responses.response("NO", "TRYLATER", INTERNAL_ERROR));
        return true;
    }
}
