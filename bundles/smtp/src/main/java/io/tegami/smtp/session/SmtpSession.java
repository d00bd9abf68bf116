package io.tegami.smtp.session;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.smtp.command.CommandDispatcher;
import io.tegami.smtp.data.DataReceiver;
import io.tegami.smtp.restriction.Gates;
import io.tegami.smtp.restriction.SessionChecks;

/**
 * One SMTP connection: reads command lines and hands them to the {@link CommandDispatcher}, or,
 * between {@code DATA} and the final dot, streams message lines to a {@link DataReceiver}, or,
 * after {@code BDAT}, counted octets to a {@link ChunkReader}. It owns the session-wide rules: the
 * greeting, long and empty lines, line endings and UTF-8 ({@link CommandInput}), pipelining
 * ({@link PipeliningGuard}), the error limit, timeouts, shutdown, STARTTLS resets and the
 * connect/disconnect log lines. Commands reach the session through the
 * public methods below; all of them run on the session's thread.
 */
public final class SmtpSession implements ProtocolSession {

    private final Connection connection;
    private final SmtpServices services;
    private final CommandDispatcher dispatcher;
    private final Clock clock;
    private final ClientNameResolver resolver;
    private final SmtpSettings settings;
    private final SessionState state = new SessionState();
    private final CommandStats stats;
    private final ErrorCounter errors = new ErrorCounter();
    private final SessionChecks checks = new SessionChecks();
    private final ReplyPacer pacer;
    private ClientInfo client;
    private DataReceiver data;
    private ChunkReader chunk;
    private LineDialog dialog;
    /** smtpd_per_request_deadline's budget for the DATA or BDAT request being received; null when off. */
    private DataDeadline dataDeadline;
    private boolean skippingLongLine;
    private boolean awaitingTls;
    private boolean closing;
    private boolean ended;
    /** postfix stop: say 421 once no transaction is in progress (drainRequested). */
    private boolean draining;
    /** The last command, as Postfix names it in "lost connection after RCPT". */
    private String where = "CONNECT";

    public SmtpSession(Connection connection, SmtpServices services, CommandDispatcher dispatcher,
            Clock clock, ClientNameResolver resolver) {
        this.connection = connection;
        this.services = services;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.resolver = resolver;
        // Keep the parameters we started with in case the service goes while we say goodbye.
        MailParameters initial = services.parameters();
        this.settings = new SmtpSettings(() -> {
            MailParameters current = services.parameters();
            return current != null ? current : initial;
        }, connection.listener());
        this.stats = new CommandStats(dispatcher.verbs());
        this.client = ClientInfo.unresolved(connection.remoteAddress());
        this.pacer = new ReplyPacer(connection);
    }

    @Override
    public void start() {
        client = ClientInfo.of(connection.remoteAddress(), resolver);
        SmtpdLog.connect(client);
        if (ConnectionLimit.refuse(this) || ClientRates.connectionRefused(this)) {
            return;
        }
        if (!Pregreet.enabled(this) || !Pregreet.start(this, this::greet)) {
            greet();
        }
    }

    private void greet() {
        if (!Gates.connect(this)) {
            reply("220 " + settings.banner());
            connection.flush();
        }
    }

    @Override
    public void lineReceived(Line line) {
        if (closing || awaitingTls) {
            return;
        }
        if (data != null) {
            dataLine(line);
        } else if (dialog != null) {
            if (dialog.lineReceived(line)) {
                dialog = null;
            }
        } else if (line.isFragment()) {
            skippingLongLine = true;
        } else if (skippingLongLine) {
            // Answer once, when the over-long line has ended, so replies stay in step with commands.
            skippingLongLine = false;
            errors.countError();
            reply("500 5.5.2 Error: line too long");
        } else if (draining && state.transaction() == null && !line.text().trim().equalsIgnoreCase("QUIT")) {
            shutdown(); // postfix stop: the next command after the transaction gets the goodbye
        } else if (!CommandInput.bareLineFeed(this, line, where) && !CommandInput.badUtf8(this, line)) {
            CommandInput.Command c = CommandInput.parse(this, line.text());
            if (c != null && !Gates.refused(this, c.verb())
                    && !PipeliningGuard.violated(this, c.verb(), dispatcher.isKnown(c.verb()))) {
                dispatcher.dispatch(this, c.verb(), c.argument(), c.line());
            }
        }
        enforceErrorLimit();
    }

    @Override
    public void bytesReceived(ByteBuffer octets, boolean last) {
        if (closing || chunk == null) {
            return;
        }
        if (dataDeadline != null && !dataDeadline.received(octets.remaining(), System.nanoTime())) {
            idle(); // smtpd_min_data_rate: the chunk comes in too slowly
            return;
        }
        chunk.bytes(octets);
        if (last) {
            ChunkReader done = chunk;
            chunk = null;
            done.done();
            enforceErrorLimit();
        }
    }

    private void dataLine(Line line) {
        if (dataDeadline != null && !dataDeadline.received(line.length() + 2L, System.nanoTime())) {
            idle(); // smtpd_min_data_rate: the message comes in too slowly
            return;
        }
        if (data.accept(line) == DataReceiver.Progress.END) {
            DataReceiver receiver = data;
            data = null;
            stats.record("DATA", MessageEnd.finish(this, receiver, false).accepted());
        }
    }

    private void enforceErrorLimit() {
        if (!closing && errors.errors() >= settings.hardErrorLimit()) {
            SmtpdLog.abnormalEnd("too many errors", where, -1, client);
            reply("421 4.7.0 " + settings.myhostname() + " Error: too many errors");
            hangUp();
        }
    }

    @Override
    public void tlsStarted() {
        awaitingTls = false;
        state.reset();
        connection.tlsSession().ifPresent(tls -> SmtpdLog.info("Anonymous TLS connection established from {}: {}",
                client.nameAndAddress(), TlsSummary.of(tls)));
    }

    @Override
    public void tlsFailed(Exception cause) {
        SmtpdLog.warn("TLS handshake failed with {}: {}", client.nameAndAddress(), String.valueOf(cause));
    }

    @Override
    public void idle() {
        if (closing) {
            return;
        }
        SmtpdLog.abnormalEnd("timeout", where, dataBytes(), client);
        abortData();
        reply("421 4.4.2 " + settings.myhostname() + " Error: timeout exceeded");
        hangUp();
    }

    @Override
    public void shutdown() {
        if (closing) {
            return;
        }
        abortData();
        reply("421 4.3.2 " + settings.myhostname() + " Service shutting down, closing transmission channel");
        hangUp();
    }

    /** postfix stop: goodbye now if idle; otherwise after the transaction (or AUTH, BDAT) in progress. */
    @Override
    public void drainRequested() {
        draining = true;
        if (data == null && chunk == null && dialog == null && !awaitingTls && state.transaction() == null) {
            shutdown();
        }
    }

    @Override
    public void closed() {
        if (ended) {
            return;
        }
        ended = true;
        // Postfix does not complain about clients that leave without QUIT after a delivered message.
        if (!closing && !where.equals("END-OF-MESSAGE")) {
            SmtpdLog.abnormalEnd("lost connection", where, dataBytes(), client);
        }
        closing = true;
        abortData();
        SmtpdLog.disconnect(client, stats);
    }

    private long dataBytes() {
        DataReceiver bdat = state.bdatMessage();
        return data != null ? data.size() : bdat != null ? bdat.size() : -1;
    }

    /**
     * Drops a half-received message (its queue file goes away uncommitted, DATA counts as failed)
     * and an unfinished AUTH exchange.
     */
    private void abortData() {
        if (dialog != null) {
            dialog.abort();
            dialog = null;
        }
        if (data != null) {
            stats.record("DATA", false);
            data.discard();
            data = null;
            state.endTransaction();
        }
        if (chunk != null) {
            stats.record("BDAT", false);
            chunk = null;
        }
        if (state.bdatMessage() != null) {
            state.endTransaction(); // drops the half-received BDAT message
        }
    }

    // ---- for commands ----

    public SmtpSettings settings() {
        return settings;
    }

    public SessionState state() {
        return state;
    }

    public ClientInfo client() {
        return client;
    }

    public SmtpServices services() {
        return services;
    }

    public Connection connection() {
        return connection;
    }

    public Clock clock() {
        return clock;
    }

    public CommandStats stats() {
        return stats;
    }

    public ErrorCounter errors() {
        return errors;
    }

    /** What the access control remembers about this session. */
    public SessionChecks checks() {
        return checks;
    }

    /** Remembers the current command for "lost connection after ..." lines. */
    public void where(String command) {
        this.where = command;
    }

    /** The verbs HELP lists. */
    public List<String> helpVerbs() {
        return dispatcher.helpVerbs();
    }

    /** Writes a one-line reply; the net layer flushes after the input at hand. */
    public void reply(String text) {
        replyAfter(Duration.ZERO, text);
    }

    /**
     * Writes a reply after {@code delay} (the auth penalty), without holding the thread; input
     * waits meanwhile. Past {@code smtpd_soft_error_limit} errors every reply also waits
     * {@code smtpd_error_sleep_time}, Postfix's tarpit.
     */
    public void replyAfter(Duration delay, String text) {
        String line = text + "\r\n";
        Duration wait = delay == null ? Duration.ZERO : delay;
        pacer.then(wait.plus(errors.tarpit(settings)), () -> connection.write(line));
    }

    /** Writes a multi-line reply in one piece: {@code 250-a}, {@code 250-b}, {@code 250 c}. */
    public void reply(String code, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
        }
        pacer.then(errors.tarpit(settings), () -> connection.write(sb));
    }

    /**
     * How the mail came in, for Received: and the envelope (RFC 3848): {@code ESMTP} plus {@code S}
     * over TLS and {@code A} after AUTH; HELO stays {@code SMTP}, as in Postfix.
     */
    public String protocol() {
        if (!state.esmtp()) {
            return "SMTP";
        }
        return "ESMTP" + (connection.isSecure() ? "S" : "") + (state.saslUsername() != null ? "A" : "");
    }

    /** True when STARTTLS can be offered on this connection now. */
    public boolean tlsAvailable() {
        return !connection.isSecure() && connection.canStartTls() && settings.tlsOffered();
    }

    /** Hands the following input lines to {@code dialog} until it says it has ended. */
    public void beginDialog(LineDialog dialog) {
        this.dialog = dialog;
    }

    /** Reads the next {@code count} octets as a BDAT chunk into {@code reader}. */
    public void beginChunk(long count, ChunkReader reader) {
        this.chunk = reader;
        this.where = "BDAT";
        this.dataDeadline = DataDeadline.start(settings);
        connection.readBytes(count);
    }

    /** Switches to message mode until the final dot. */
    public void beginData(DataReceiver receiver) {
        this.data = receiver;
        this.where = "DATA";
        this.dataDeadline = DataDeadline.start(settings);
    }

    /** Starts the TLS handshake after the 220 go-ahead; what was said in clear is forgotten. */
    public void startTls() {
        state.reset();
        // Until the handshake is done, nothing the client sent in clear is a command (RFC 3207 4.2).
        awaitingTls = true;
        pacer.then(Duration.ZERO, connection::startTls); // after the 220, even a delayed one
    }

    /** Closes the connection after the reply just written. */
    public void hangUp() {
        closing = true;
        pacer.then(Duration.ZERO, connection::close); // after the replies, even delayed ones
    }

    /** Logs a rejected request in Postfix's shape, with this session's protocol and HELO. */
    public void logReject(String queueId, String command, String reply, String from, String to) {
        SmtpdLog.reject(SmtpdLog.formatReject(queueId, command, client, reply, from, to, protocol(), state.heloName()));
    }
}
