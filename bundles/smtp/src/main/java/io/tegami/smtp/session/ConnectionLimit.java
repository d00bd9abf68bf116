package io.tegami.smtp.session;

import java.net.InetAddress;

import io.tegami.api.net.Connection;

/**
 * Postfix's {@code smtpd_client_connection_count_limit}: more connections to this listener
 * (master.cf service) from the client's address than allowed, unless the client is in
 * {@code smtpd_client_event_limit_exceptions}, get a 421 instead of the greeting.
 */
final class ConnectionLimit {

    private ConnectionLimit() {
    }

    /** True (and the 421 sent, the connection closing) when the client has too many connections. */
    static boolean refuse(SmtpSession session) {
        SmtpSettings settings = session.settings();
        Connection connection = session.connection();
        long limit = settings.getLong("smtpd_client_connection_count_limit", 50);
        int count = connection.clientConnectionCount();
        if (limit <= 0 || count <= limit) {
            return false;
        }
        InetAddress ip = connection.remoteAddress() == null ? null : connection.remoteAddress().getAddress();
        if (settings.clientLimitExceptions().contains(ip)) {
            return false;
        }
        ClientInfo client = session.client();
        SmtpdLog.warn("Connection concurrency limit exceeded: {} from {} for service {}", count,
                client.nameAndAddress(), connection.listener().name());
        session.reply("421 4.7.0 " + settings.myhostname() + " Error: too many connections from " + client.address());
        session.hangUp();
        return true;
    }
}
