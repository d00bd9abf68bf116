package io.tegami.smtp.session;

import java.net.InetAddress;
import java.time.Duration;

import io.tegami.api.net.Connection;
import io.tegami.smtp.session.AnvilTable.Event;

/**
 * Postfix's client rate limits (smtpd.c with anvil): {@code smtpd_client_connection_rate_limit},
 * {@code smtpd_client_message_rate_limit}, {@code smtpd_client_recipient_rate_limit}
 * and {@code smtpd_client_auth_rate_limit}, each
 * per {@code anvil_rate_time_unit} (60 s), per listener and client address; 0 turns a limit off,
 * and clients in {@code smtpd_client_event_limit_exceptions} ($mynetworks) are never counted.
 * Each check counts the event, and past the limit logs Postfix's warning and returns its reply.
 */
public final class ClientRates {

    static final Duration DEFAULT_UNIT = Duration.ofSeconds(60);

    private ClientRates() {
    }

    /** At connect: true (421 sent, closing) when the client connects too often. */
    static boolean connectionRefused(SmtpSession session) {
        int rate = exceeded(session, Event.CONNECTION, "smtpd_client_connection_rate_limit");
        if (rate == 0) {
            return false;
        }
        ClientInfo client = session.client();
        SmtpdLog.warn("Connection rate limit exceeded: {} from {} for service {}", rate, client.nameAndAddress(),
                session.connection().listener().name());
        session.reply("421 4.7.0 " + session.settings().myhostname() + " Error: too many connections from "
                + client.address());
        session.hangUp();
        return true;
    }

    /** At MAIL: the 450 reply when the client sends too many messages, else null. */
    public static String message(SmtpSession session) {
        return check(session, Event.MESSAGE, "smtpd_client_message_rate_limit",
                "Message delivery request rate limit exceeded", "450 4.7.1 Error: too much mail from ");
    }

    /** At RCPT: the 450 reply when the client sends too many recipients, else null. */
    public static String recipient(SmtpSession session) {
        return check(session, Event.RECIPIENT, "smtpd_client_recipient_rate_limit",
                "Recipient address rate limit exceeded", "450 4.7.1 Error: too many recipients from ");
    }

    /** At AUTH: the 450 reply when the client sends too many AUTH commands, else null. */
    public static String auth(SmtpSession session) {
        return check(session, Event.AUTH, "smtpd_client_auth_rate_limit",
                "AUTH command rate limit exceeded", "450 4.7.1 Error: too many AUTH commands from ");
    }

    private static String check(SmtpSession session, Event event, String parameter, String warning, String reply) {
        int rate = exceeded(session, event, parameter);
        if (rate == 0) {
            return null;
        }
        ClientInfo client = session.client();
        SmtpdLog.warn("{}: {} from {} for service {}", warning, rate, client.nameAndAddress(),
                session.connection().listener().name());
        return reply + client.address();
    }

    /** Counts the event; the rate when it is over the limit, else 0. */
    private static int exceeded(SmtpSession session, Event event, String parameter) {
        SmtpSettings settings = session.settings();
        long limit = settings.getLong(parameter, 0);
        AnvilTable table = session.services().anvil();
        Connection connection = session.connection();
        InetAddress ip = connection.remoteAddress() == null ? null : connection.remoteAddress().getAddress();
        if (limit <= 0 || table == null || ip == null || settings.clientLimitExceptions().contains(ip)) {
            return 0;
        }
        long unit = SmtpTimes.duration(settings, "anvil_rate_time_unit", DEFAULT_UNIT).toMillis();
        int rate = table.count(connection.listener().name(), ip, event, Math.max(1, unit));
        return rate > limit ? rate : 0;
    }
}
