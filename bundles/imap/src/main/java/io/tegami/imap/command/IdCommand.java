package io.tegami.imap.command;

import java.util.ArrayList;
import java.util.List;

import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapSession;

/**
 * ID (RFC 2971): the client's identification is logged; the server names itself as Dovecot
 * does, with the product name only (no version, so as not to help attackers).
 */
public final class IdCommand implements ImapCommand {

    /** RFC 2971 3.3: at most 30 pairs, fields of 30 octets, values of 1024. */
    static final int MAX_PAIRS = 30;

    @Override
    public String name() {
        return "ID";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        var r = request.args();
        r.sp();
        List<String> pairs = new ArrayList<>();
        if (!r.consumeWord("NIL")) {
            r.expect('(');
            if (!r.consume(')')) {
                while (true) {
                    String field = r.string();
                    r.sp();
                    String value = r.nstring();
                    if (field.length() > 30 || (value != null && value.length() > 1024) || pairs.size() / 2 >= MAX_PAIRS) {
                        throw new ParseException("Invalid ID parameters.");
                    }
                    pairs.add(field);
                    pairs.add(value == null ? "NIL" : value);
                    if (r.consume(')')) {
                        break;
                    }
                    r.sp();
                }
            }
        }
        r.end();
        if (!pairs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < pairs.size(); i += 2) {
                sb.append(i == 0 ? "" : ", ").append(ImapLog.printable(pairs.get(i))).append('=')
                        .append(ImapLog.printable(pairs.get(i + 1)));
            }
            ImapLog.debug("{}: ID sent: {}", session.connection().id(), sb);
        }
        session.out().untagged("ID (" + ImapStrings.quote("name") + " " + ImapStrings.quote("Tegami") + ")");
        return Result.ok("ID completed.");
    }
}
