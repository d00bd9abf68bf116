package io.tegami.imap.command;

import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/** NAMESPACE (RFC 2342): one personal namespace with an empty prefix, as Dovecot's default. */
public final class NamespaceCommand implements ImapCommand {

    @Override
    public String name() {
        return "NAMESPACE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        request.args().end();
        String delimiter = ImapStrings.quote(String.valueOf(session.mailboxes().delimiter()));
        session.out().untagged("NAMESPACE ((\"\" " + delimiter + ")) NIL NIL");
        return Result.ok("Namespace completed.");
    }
}
