package io.tegami.imap.command;

import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/** CAPABILITY (RFC 3501 6.1.1): the list for the session as it is now. */
public final class CapabilityCommand implements ImapCommand {

    @Override
    public String name() {
        return "CAPABILITY";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        request.args().end();
        session.out().untagged("CAPABILITY " + session.capabilities());
        return Result.ok("Capability completed.");
    }
}
