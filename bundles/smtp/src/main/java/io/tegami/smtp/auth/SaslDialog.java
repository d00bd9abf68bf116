package io.tegami.smtp.auth;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import io.tegami.api.net.Line;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;
import io.tegami.smtp.session.LineDialog;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpdLog;

/**
 * The SMTP side of one SASL exchange (RFC 4954 section 4): {@code 334} challenges in base64, the
 * client's base64 answers, {@code *} to cancel, and the final {@code 235}, {@code 535} or
 * {@code 454}, with Postfix's replies and log lines. A failed login is held for the
 * {@link AuthPenalty} delay before its {@code 535}, by a timer (no thread waits) while the
 * connection holds the client's input; a client the penalty service bans gets that 535 without
 * its password being checked.
 */
public final class SaslDialog implements LineDialog {

    /** Where the exchange stands after a step. */
    public enum Progress {
        /** A 334 challenge went out; the client's answer comes as the next line. */
        CHALLENGED,
        /** 235: the session is authenticated. */
        SUCCEEDED,
        /** 535, 454, 501 or 500: the exchange is over. */
        FAILED
    }

    static final String SUCCESS = "235 2.7.0 Authentication successful";
    static final String FAILURE = "535 5.7.8 Error: authentication failed: authentication failure";
    public static final String TEMPORARY = "454 4.7.0 Temporary authentication failure: "
            + "Internal error occurred. Refer to server log for more information.";
    /** Without an {@link AuthPenalty} service, every failure still waits Dovecot's auth_failure_delay. */
    static final Duration FALLBACK_DELAY = Duration.ofSeconds(2);

    private final SmtpSession session;
    private final String method;
    private final SaslExchange exchange;
    private ByteArrayOutputStream fragments;
    private boolean overflow;

    /**
     * @param method the mechanism name as the log shows it ({@code PLAIN})
     * @param exchange a fresh exchange of that mechanism
     */
    public SaslDialog(SmtpSession session, String method, SaslExchange exchange) {
        this.session = session;
        this.method = method;
        this.exchange = exchange;
    }

    /**
     * Takes the AUTH command's initial response ({@code null} for none) and answers it.
     * When this returns {@link Progress#CHALLENGED}, give the dialog the following lines.
     */
    public Progress start(byte[] initialResponse) {
        return step(initialResponse);
    }

    @Override
    public boolean lineReceived(Line line) {
        long limit = session.settings().saslResponseLimit();
        if (line.isFragment() || fragments != null) {
            if (fragments == null) {
                fragments = new ByteArrayOutputStream();
            }
            if (!overflow) {
                fragments.writeBytes(line.bytes());
                overflow = fragments.size() > limit;
            }
            if (line.isFragment()) {
                return false;
            }
        }
        byte[] bytes = fragments != null ? fragments.toByteArray() : line.bytes();
        fragments = null;
        if (overflow || bytes.length > limit) {
            return end(fail("500 5.5.6 SASL response limit exceeded"));
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (text.equals("*")) {
            SmtpdLog.warn("{}: SASL {} authentication aborted", session.client().nameAndAddress(), method);
            return end(fail("501 5.7.0 Authentication aborted"));
        }
        byte[] response = decode(text);
        if (response == null) {
            return end(fail("501 5.5.2 Cannot decode response"));
        }
        Progress progress = step(response);
        return progress != Progress.CHALLENGED && end(progress);
    }

    @Override
    public void abort() {
        exchange.abort();
    }

    /** Strict base64 (RFC 4648 alphabet); {@code null} when the text is not base64. */
    public static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Progress step(byte[] response) {
        SaslResult result;
        try {
            if (response != null && banned()) {
                // Too many failures from this address: the password is not even looked at.
                exchange.abort();
                result = SaslResult.Failure.of("too many authentication failures from this address", null);
            } else {
                result = exchange.step(response);
            }
        } catch (RuntimeException e) {
            // A mechanism bug must not end the session with a stack trace; the client may retry.
            SmtpdLog.warn("SASL {} mechanism failed for {}: {}", method, session.client().nameAndAddress(), e.toString());
            result = SaslResult.Failure.temporary("mechanism failed: " + e, null);
        } finally {
            if (response != null) {
                Arrays.fill(response, (byte) 0);
            }
        }
        if (result instanceof SaslResult.Challenge challenge) {
            session.reply("334 " + Base64.getEncoder().encodeToString(challenge.data()));
            return Progress.CHALLENGED;
        }
        if (result instanceof SaslResult.Success success) {
            return succeed(success);
        }
        return failed((SaslResult.Failure) result);
    }

    private Progress succeed(SaslResult.Success success) {
        session.state().authenticated(success.user().name(), method);
        AuthPenalty penalty = session.services().penalty();
        if (penalty != null) {
            penalty.success(clientIp());
        }
        session.reply(SUCCESS);
        return Progress.SUCCEEDED;
    }

    private Progress failed(SaslResult.Failure failure) {
        String user = failure.username() == null ? "(unavailable)" : printable(failure.username());
        // Postfix's line, so that fail2ban's postfix-sasl filter matches it.
        SmtpdLog.warn("{}: SASL {} authentication failed: {}, sasl_username={}",
                session.client().nameAndAddress(), method, printable(failure.reason()), user);
        if (failure.temporary()) {
            session.reply(TEMPORARY);
            return Progress.FAILED;
        }
        session.replyAfter(penaltyDelay(), FAILURE); // no thread sleeps meanwhile; input waits
        return Progress.FAILED;
    }

    private Duration penaltyDelay() {
        AuthPenalty penalty = session.services().penalty();
        if (penalty == null) {
            return FALLBACK_DELAY;
        }
        try {
            return penalty.failure(clientIp());
        } catch (RuntimeException e) {
            return FALLBACK_DELAY;
        }
    }

    /** The shared auth penalty bans this client (tegami_auth_failure_ban_limit). */
    private boolean banned() {
        AuthPenalty penalty = session.services().penalty();
        try {
            return penalty != null && penalty.banned(clientIp());
        } catch (RuntimeException e) {
            return false; // the ban is a courtesy; a failing service must not break logins
        }
    }

    private Progress fail(String reply) {
        exchange.abort();
        session.reply(reply);
        return Progress.FAILED;
    }

    /** The exchange is over: counts it for the disconnect line and the error limit. */
    private boolean end(Progress progress) {
        boolean ok = progress == Progress.SUCCEEDED;
        session.stats().record("AUTH", ok);
        if (!ok) {
            session.errors().countError();
        }
        return true;
    }

    private InetAddress clientIp() {
        return session.connection().remoteAddress() == null ? null : session.connection().remoteAddress().getAddress();
    }

    /** Postfix's printable(): control characters become {@code ?} in log lines. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
