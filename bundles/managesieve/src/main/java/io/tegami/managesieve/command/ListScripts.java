package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.tegami.managesieve.script.ScriptStore;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** LISTSCRIPTS (RFC 5804 section 2.7): each script's name, the active one marked {@code ACTIVE}. */
public final class ListScripts implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        if (Args.strings(session, "LISTSCRIPTS", args, 0) == null) {
            return false;
        }
        ScriptStore store = session.store();
        try {
            Optional<String> active = store.active();
            StringBuilder sb = new StringBuilder();
            for (String name : store.list()) {
                sb.append(Responses.string(name)).append(active.map(name::equals).orElse(false) ? " ACTIVE" : "")
                        .append("\r\n");
            }
            session.write(sb.toString());
        } catch (IOException e) {
            return Args.failed(session, "LISTSCRIPTS", e);
        }
        session.reply(Responses.response("OK", null, "Listscripts completed."));
        return true;
    }
}
