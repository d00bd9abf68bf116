package io.tegami.smtp.restriction;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.tegami.smtp.session.ClientInfo;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.Transaction;

/**
 * What the restrictions may know about the session at the moment of a check: the client, how it
 * talks to us, who it authenticated as, and how many recipients were accepted so far.
 *
 * @param client the client's name and address
 * @param ip the client's address, {@code null} when unknown
 * @param protocol {@code SMTP}, {@code ESMTP}, {@code ESMTPSA}... for log lines
 * @param saslUsername the authenticated user, or {@code null}
 * @param secure whether TLS protects the connection
 * @param recipientCount recipients accepted in the current transaction
 * @param queueId the queue id once the queue file exists (end of data), else {@code null}
 */
record Facts(ClientInfo client, InetAddress ip, String protocol, String saslUsername, boolean secure,
        int recipientCount, String queueId) {

    static Facts of(SmtpSession session, String queueId) {
        InetSocketAddress remote = session.connection().remoteAddress();
        Transaction transaction = session.state().transaction();
        return new Facts(session.client(), remote == null ? null : remote.getAddress(), session.protocol(),
                session.state().saslUsername(), session.connection().isSecure(),
                transaction == null ? 0 : transaction.acceptedCount(), queueId);
    }

    /** Postfix's {@code namaddr}: {@code host[addr]}. */
    String namaddr() {
        return client.nameAndAddress();
    }
}
