package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.List;

import io.tegami.managesieve.script.ScriptStore;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** DELETESCRIPT (RFC 5804 section 2.10): the active script is refused with {@code NO (ACTIVE)}. */
public final class DeleteScript implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        List<String> a = Args.strings(session, "DELETESCRIPT", args, 1);
        if (a == null) {
            return false;
        }
        String name = a.get(0);
        if (!Args.validName(session, "DELETESCRIPT", name)) {
            return true;
        }
        ScriptStore store = session.store();
        try {
            if (store.active().map(name::equals).orElse(false)) {
                session.reply(Responses.response("NO", "ACTIVE", "Cannot delete the active Sieve script."));
                return true;
            }
            if (!store.delete(name)) {
                Args.nonexistent(session, name);
                return true;
            }
        } catch (IOException e) {
            return Args.failed(session, "DELETESCRIPT", e);
        }
        session.reply(Responses.response("OK", null, "Deletescript completed."));
        return true;
    }
}
