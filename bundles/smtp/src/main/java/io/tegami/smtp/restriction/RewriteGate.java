package io.tegami.smtp.restriction;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.LocalRewriteClients;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's smtpd_check_rewrite() at MAIL FROM: the header rewriting context of the transaction,
 * {@code local} when the client matches {@code local_header_rewrite_clients} as this listener
 * sets it (a master.cf {@code -o} override wins over main.cf), else {@code remote}. The message's
 * envelope carries the answer to the queue ({@value RewriteContext#ATTRIBUTE}), whose cleanup then
 * rewrites the headers and adds a missing {@code Message-Id:}, {@code Date:} and {@code From:}
 * only for local clients. The decision is {@link LocalRewriteClients}', the one the queue makes
 * for mail without the attribute.
 */
public final class RewriteGate {

    /** What MAIL FROM learns: the context, or the reply that refuses the command. */
    public record Decision(RewriteContext context, String reply) {
    }

    private static final String LOOKUP_ERROR = "451 4.3.0 Temporary lookup error";
    private static final LocalRewriteClients CLIENTS = new LocalRewriteClients(w -> SmtpdLog.warn("{}", w));

    private RewriteGate() {
    }

    /**
     * Decides for the session now. A table that cannot be read refuses MAIL with Postfix's
     * {@code 451 4.3.0 Temporary lookup error} (logged as a reject); the reply is not yet sent.
     * Without parameters (the server is going away) the context is left to the queue.
     */
    public static Decision decide(SmtpSession session) {
        MailParameters parameters = session.services().parameters();
        if (parameters == null) {
            return new Decision(null, null);
        }
        CheckState state = Gates.state(session, "MAIL", null);
        Facts facts = state.facts();
        String value = state.settings().get(LocalRewriteClients.PARAMETER, LocalRewriteClients.DEFAULT);
        LocalRewriteClients.Client client = new LocalRewriteClients.Client(facts.ip(),
                facts.saslUsername(), state.settings().mynetworks()::contains);
        try {
            return new Decision(CLIENTS.matches(value, client, parameters) ? RewriteContext.LOCAL : RewriteContext.REMOTE, null);
        } catch (RewriteException e) {
            CheckLog.whatsup(state, "reject", LOOKUP_ERROR);
            return new Decision(null, LOOKUP_ERROR);
        }
    }
}
