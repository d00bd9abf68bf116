package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** GETSCRIPT (RFC 5804 section 2.9): the script as a literal, then {@code OK}. */
public final class GetScript implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        List<String> a = Args.strings(session, "GETSCRIPT", args, 1);
        if (a == null) {
            return false;
        }
        if (!Args.validName(session, "GETSCRIPT", a.get(0))) {
            return true;
        }
        try {
            Optional<String> text = session.store().read(a.get(0));
            if (text.isEmpty()) {
                Args.nonexistent(session, a.get(0));
                return true;
            }
            int octets = text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            session.write("{" + octets + "}\r\n" + text.get() + "\r\n");
        } catch (IOException e) {
            return Args.failed(session, "GETSCRIPT", e);
        }
        session.reply(Responses.response("OK", null, "Getscript completed."));
        return true;
    }
}
