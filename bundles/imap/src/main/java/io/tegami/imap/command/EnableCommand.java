package io.tegami.imap.command;

import java.util.ArrayList;
import java.util.List;

import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.ImapSession.Extension;

/**
 * ENABLE (RFC 5161): turns on CONDSTORE and QRESYNC (RFC 7162); unknown or unsupported
 * capabilities are ignored, and only those newly enabled are listed in {@code * ENABLED}.
 */
public final class EnableCommand implements ImapCommand {

    @Override
    public String name() {
        return "ENABLE";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        var r = request.args();
        r.sp();
        List<String> done = new ArrayList<>();
        while (true) {
            String cap = r.keyword();
            Extension e = switch (cap) {
                case "CONDSTORE" -> Extension.CONDSTORE;
                case "QRESYNC" -> Extension.QRESYNC;
                default -> null;
            };
            if (e != null && !session.isEnabled(e)) {
                session.enable(e);
                done.add(cap);
            }
            if (r.atEnd()) {
                break;
            }
            r.sp();
        }
        session.out().untagged(done.isEmpty() ? "ENABLED" : "ENABLED " + String.join(" ", done));
        return Result.ok("Enabled.");
    }
}
