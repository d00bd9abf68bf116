package io.tegami.imap.command;

import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/** LOGOUT (RFC 3501 6.1.3): BYE, the tagged OK, then the connection closes. */
public final class LogoutCommand implements ImapCommand {

    @Override
    public String name() {
        return "LOGOUT";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        request.args().end();
        session.out().untagged("BYE Logging out");
        session.logout();
        return Result.ok("Logout completed.");
    }
}
