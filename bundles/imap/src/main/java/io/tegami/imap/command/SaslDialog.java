package io.tegami.imap.command;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import io.tegami.api.net.Line;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.sasl.PenaltyReplies;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.LineDialog;

/**
 * The IMAP side of one SASL exchange: {@code +} challenges in base64, the client's base64 lines,
 * {@code *} to cancel, and the tagged result with Dovecot's texts. A failed login waits for the
 * auth penalty before its {@code NO}.
 */
final class SaslDialog implements LineDialog {

    private final ImapSession session;
    private final String tag;
    private final String method;
    private final SaslExchange exchange;
    private final ImapCommand command;
    private ByteArrayOutputStream fragments;
    private boolean overflow;
    /** The exchange failed and its NO waits for the auth penalty (an executeAfter task). */
    private boolean replyScheduled;

    SaslDialog(ImapSession session, String tag, String method, SaslExchange exchange, ImapCommand command) {
        this.session = session;
        this.tag = tag;
        this.method = method;
        this.exchange = exchange;
        this.command = command;
    }

    /** Strict base64; null when the text is not base64. */
    static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean lineReceived(Line line) {
        long limit = session.settings().maxLineLength();
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
        if (overflow) {
            return finish(abort(Result.bad("Authentication response too long.")));
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (text.equals("*")) {
            return finish(abort(Result.bad("Authentication aborted by client.")));
        }
        byte[] response = decode(text);
        if (response == null) {
            return finish(abort(Result.bad("Invalid base64 data in continued response")));
        }
        Result result = step(response);
        return result.status() == Result.Status.PENDING ? replyScheduled : finish(result);
    }

    @Override
    public void abort() {
        exchange.abort();
    }

    private Result abort(Result result) {
        exchange.abort();
        return result;
    }

    private boolean finish(Result result) {
        CommandDispatcher.complete(session, tag, result, command);
        return true;
    }

    /**
     * Feeds one response to the exchange; PENDING after a challenge went out, or when the exchange
     * failed and the tagged NO is scheduled ({@link #replyScheduled()}).
     */
    Result step(byte[] response) {
        SaslResult result;
        try {
            result = exchange.step(response);
        } catch (RuntimeException e) {
            ImapLog.warn("SASL {} mechanism failed: {}", method, e.toString());
            result = SaslResult.Failure.temporary("mechanism failed: " + e, null);
        } finally {
            if (response != null) {
                Arrays.fill(response, (byte) 0);
            }
        }
        if (result instanceof SaslResult.Challenge challenge) {
            session.out().continuation(Base64.getEncoder().encodeToString(challenge.data()));
            session.out().flush();
            return Result.PENDING;
        }
        InetAddress ip = session.connection().remoteAddress() == null ? null : session.connection().remoteAddress().getAddress();
        if (result instanceof SaslResult.Success success && PenaltyReplies.banned(session.services().penalty(), ip)) {
            // Banned for too many failures: even the right password fails, so guessing teaches nothing.
            result = SaslResult.Failure.of("banned after too many failures", success.user().name());
        }
        if (result instanceof SaslResult.Success success) {
            PenaltyReplies.succeeded(session.services().penalty(), ip);
            String refusal = session.login(success.user(), method);
            return refusal == null ? Result.ok("[CAPABILITY " + session.capabilities() + "] Logged in") : Result.no(refusal);
        }
        SaslResult.Failure failure = (SaslResult.Failure) result;
        session.authFailed(failure.username() == null ? "" : failure.username(), method);
        ImapLog.debug("SASL {} failed: {}", method, ImapLog.printable(failure.reason()));
        if (failure.temporary()) {
            return Result.no("[UNAVAILABLE] Temporary authentication failure.");
        }
        // The NO waits for the penalty without holding a thread; the client's input waits with it.
        replyScheduled = true;
        PenaltyReplies.failed(session.services().penalty(), session.connection(),
                () -> finish(Result.no("[AUTHENTICATIONFAILED] Authentication failed.")));
        return Result.PENDING;
    }

    /** True once the exchange has ended in a failure whose reply comes after the penalty delay. */
    boolean replyScheduled() {
        return replyScheduled;
    }
}
