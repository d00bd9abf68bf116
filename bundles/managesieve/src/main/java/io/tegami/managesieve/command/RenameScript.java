package io.tegami.managesieve.command;

import java.io.IOException;
import java.util.List;

import io.tegami.managesieve.script.ScriptStore;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.SieveSession;
import io.tegami.managesieve.session.Token;

/** RENAMESCRIPT (RFC 5804 section 2.11.1): the active script stays active under its new name. */
public final class RenameScript implements Command {

    @Override
    public boolean execute(SieveSession session, List<Token> args) {
        List<String> a = Args.strings(session, "RENAMESCRIPT", args, 2);
        if (a == null) {
            return false;
        }
        if (!Args.validName(session, "RENAMESCRIPT", a.get(0)) || !Args.validName(session, "RENAMESCRIPT-TO", a.get(1))) {
            return true;
        }
        ScriptStore store = session.store();
        try {
            if (!store.exists(a.get(0))) {
                Args.nonexistent(session, a.get(0));
                return true;
            }
            if (store.exists(a.get(1))) {
                session.reply(Responses.response("NO", "ALREADYEXISTS", "A sieve script with that name already exists."));
                return true;
            }
            store.rename(a.get(0), a.get(1));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            session.reply(Responses.response("NO", "ALREADYEXISTS", "A sieve script with that name already exists."));
            return true;
        } catch (IOException e) {
            return Args.failed(session, "RENAMESCRIPT", e);
        }
        session.reply(Responses.response("OK", null, "Renamescript completed."));
        return true;
    }
}
