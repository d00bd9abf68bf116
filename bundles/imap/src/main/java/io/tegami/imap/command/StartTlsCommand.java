package io.tegami.imap.command;

import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * STARTTLS (RFC 3501 6.2.1): the tagged OK goes out in clear, then the handshake; input the
 * client pipelined after the command is dropped by the net layer, and the client asks for the
 * capabilities anew.
 */
public final class StartTlsCommand implements ImapCommand {

    @Override
    public String name() {
        return "STARTTLS";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        request.args().end();
        if (session.connection().isSecure()) {
            return Result.bad("TLS is already active.");
        }
        if (!session.connection().canStartTls() || session.settings().ssl().equals("no")) {
            return Result.bad("TLS support isn't enabled.");
        }
        return Result.ok("Begin TLS negotiation now.").then(session::startTls);
    }
}
