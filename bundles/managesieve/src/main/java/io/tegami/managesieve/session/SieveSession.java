package io.tegami.managesieve.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.LoginRegistry;
import io.tegami.api.net.ProtocolSession;
import io.tegami.managesieve.command.Capability;
import io.tegami.managesieve.command.Commands;
import io.tegami.managesieve.script.ScriptStore;

/**
 * One ManageSieve connection (RFC 5804): the greeting (the capabilities, then {@code OK}), the
 * non-authenticated and authenticated states, command syntax with literals, long lines, the
 * bad-command limits (Dovecot's: 3 in a row before login, 20 after), idle and shutdown goodbyes
 * and the log lines. Commands live in {@link Commands}, one class each; SASL answers go to the
 * {@link SaslAnswers} in progress. Every method runs on the session's thread.
 */
public final class SieveSession implements ProtocolSession {

    /** RFC 5804's states. */
    public enum State { NON_AUTHENTICATED, AUTHENTICATED }

    /** The longest input line (Pigeonhole's {@code managesieve_max_line_length}). */
    static final int MAX_LINE = 65536;
    /** The most literal octets kept when {@code sieve_max_script_size} sets no limit. */
    static final long MAX_KEPT = 16L * 1024 * 1024;
    static final int MAX_BAD_BEFORE_LOGIN = 3;
    static final int MAX_BAD_AFTER_LOGIN = 20;

    private final Connection connection;
    private final SieveServices services;
    private final SieveSettings settings;
    private final CommandReader reader;
    private final long started = System.nanoTime();
    private final LineJoiner joiner = new LineJoiner(MAX_LINE);
    private State state = State.NON_AUTHENTICATED;
    private String userName;
    private ScriptStore store;
    private SaslAnswers dialog;
    private LoginRegistry.Login registration;
    private boolean awaitingTls;
    private boolean closing;
    private boolean ended;
    /** postfix stop: BYE once no command, literal or AUTHENTICATE exchange is in progress. */
    private boolean draining;
    private int badCommands;
    private int authAttempts;
    private String lastAuthUser;
    private long bytesIn;
    private long bytesOut;

    public SieveSession(Connection connection, SieveServices services) {
        this.connection = connection;
        this.services = services;
        MailParameters initial = services.parameters();
        this.settings = new SieveSettings(() -> {
            MailParameters current = services.parameters();
            return current != null ? current : initial;
        }, connection.listener());
        // Keep a little more than the largest script, so that "too large" can still be told.
        long max = settings.maxScriptSize();
        this.reader = new CommandReader(max > 0 ? Math.max(max, 64 * 1024) : MAX_KEPT);
    }

    @Override
    public void start() {
        Capability.write(this);
        reply(Responses.response("OK", null, settings.greeting()));
        connection.flush();
    }

    @Override
    public void lineReceived(Line line) {
        if (closing || awaitingTls || ended) {
            return;
        }
        bytesIn += line.length() + (line.isFragment() ? 0 : 2);
        byte[] bytes = joiner.add(line);
        if (bytes == LineJoiner.TOO_LONG) {
            bye(null, "Too long line.", "Disconnected: Too long line");
            return;
        }
        if (bytes == null) {
            return;
        }
        step(reader.line(new String(bytes, StandardCharsets.UTF_8)));
        drainIfBetweenCommands();
    }

    @Override
    public void bytesReceived(ByteBuffer chunk, boolean last) {
        bytesIn += chunk.remaining();
        reader.bytes(chunk, last);
    }

    private void step(CommandReader.Step step) {
        if (step instanceof CommandReader.Literal literal) {
            if (literal.size() > CommandReader.MAX_LITERAL) {
                bye(null, "Literal too large.", "Disconnected: Literal too large");
            } else if (literal.size() > 0) {
                connection.readBytes(literal.size());
            }
            return;
        }
        if (step instanceof CommandReader.Bad bad) {
            if (dialog != null) {
                SaslAnswers current = dialog;
                dialog = null;
                current.abort();
                reply(Responses.response("NO", null, "Invalid SASL response: " + bad.reason()
                        + (bad.reason().endsWith(".") ? "" : ".")));
                return;
            }
            reply(Responses.response("NO", null,
                    Commands.unparsable(bad, state == State.AUTHENTICATED)));
            if (state == State.AUTHENTICATED) {
                countBad(false); // managesieve-login does not count what its parser refuses
            }
            return;
        }
        List<Token> tokens = ((CommandReader.Complete) step).tokens();
        if (dialog != null) {
            SaslAnswers current = dialog;
            if (current.answer(tokens) && dialog == current) {
                dialog = null;
            }
            return;
        }
        if (tokens.isEmpty()) {
            return; // Dovecot ignores empty lines
        }
        if (state != State.AUTHENTICATED && !closing && !ended && badCommands + 1 >= MAX_BAD_BEFORE_LOGIN
                && !Commands.knownBeforeLogin(tokens)) {
            // managesieve-login's last straw gets the BYE alone.
            bye(null, "Too many invalid MANAGESIEVE commands.", "Disconnected: Too many invalid commands");
            return;
        }
        countBad(Commands.dispatch(this, tokens));
    }

    private void countBad(boolean ok) {
        if (closing || ended) {
            return;
        }
        if (ok) {
            badCommands = 0;
            return;
        }
        badCommands++;
        int max = state == State.AUTHENTICATED ? MAX_BAD_AFTER_LOGIN : MAX_BAD_BEFORE_LOGIN;
        if (badCommands >= max) {
            bye(null, "Too many invalid commands.", "Disconnected: Too many invalid commands");
        }
    }

    @Override
    public void tlsStarted() {
        awaitingTls = false;
        // RFC 5804 section 2.2: the capabilities again, now that they may have changed.
        Capability.write(this);
        reply(Responses.response("OK", null, "TLS negotiation successful."));
    }

    @Override
    public void tlsFailed(Exception cause) {
        end("Disconnected: TLS handshake failed: " + cause.getMessage()); // the net layer closes
    }

    @Override
    public void idle() {
        if (!closing && !ended) {
            bye(null, "Disconnected for inactivity.", "Disconnected for inactivity");
        }
    }

    @Override
    public void shutdown() {
        if (!closing && !ended) {
            bye(null, "Server shutting down.", "Disconnected: Server shutting down.");
        }
    }

    @Override
    public void drainRequested() {
        draining = true;
        drainIfBetweenCommands();
    }

    private void drainIfBetweenCommands() {
        if (draining && dialog == null && !reader.inCommand() && !awaitingTls) {
            shutdown();
        }
    }

    @Override
    public void closed() {
        closing = true;
        end("Disconnected: Connection closed");
        unregister();
    }

    private void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        unregister();
        if (dialog != null) {
            dialog.abort();
            dialog = null;
        }
        if (userName != null) {
            SieveLog.user(userName, reason + " bytes=" + bytesIn + "/" + bytesOut);
        } else {
            SieveLog.preLoginDisconnect(reason, authAttempts, (System.nanoTime() - started) / 1_000_000_000L,
                    lastAuthUser, connection);
        }
    }

    // ---- for commands ----

    public Connection connection() {
        return connection;
    }

    public SieveServices services() {
        return services;
    }

    public SieveSettings settings() {
        return settings;
    }

    public State state() {
        return state;
    }

    /** The logged-in user's name, or null. */
    public String userName() {
        return userName;
    }

    /** The logged-in user's scripts, or null before login. */
    public ScriptStore store() {
        return store;
    }

    /** Writes one response line. */
    public void reply(String text) {
        write(text + "\r\n");
    }

    /** Writes raw text. */
    public void write(String text) {
        bytesOut += text.length();
        connection.write(text);
    }

    /** Hands the following client strings to {@code answers} until it says it has ended. */
    public void beginDialog(SaslAnswers answers) {
        this.dialog = answers;
    }

    /** An authentication attempt failed: counted for the disconnect line. */
    public void authFailed(String user) {
        authAttempts++;
        if (user != null) {
            lastAuthUser = user;
        }
    }

    /** STARTTLS: upgrade after the {@code OK}; what the client sent ahead in clear is forgotten. */
    public void startTls() {
        reader.clear();
        joiner.clear();
        awaitingTls = true;
        connection.startTls();
    }

    /** The login succeeded: the AUTHENTICATED state begins. */
    public void loggedIn(String user, ScriptStore scripts, LoginRegistry.Login slot) {
        this.userName = user;
        this.store = scripts;
        this.registration = slot;
        this.state = State.AUTHENTICATED;
        this.badCommands = 0;
    }

    /** UNAUTHENTICATE (RFC 5804 section 2.14): back to the NON_AUTHENTICATED state. */
    public void unauthenticate() {
        SieveLog.user(userName, "Unauthenticated bytes=" + bytesIn + "/" + bytesOut);
        unregister();
        userName = null;
        store = null;
        authAttempts = 0;
        state = State.NON_AUTHENTICATED;
    }

    /** Writes {@code BYE [(code)] "text"}, logs {@code reason} and closes. */
    public void bye(String code, String text, String reason) {
        reply(Responses.response("BYE", code, text));
        finish(reason);
    }

    /** Ends the session after the response just written. */
    public void finish(String reason) {
        end(reason);
        closing = true;
        connection.close();
    }

    private void unregister() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }
}
