package io.tegami.pop3.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.LoginRegistry;
import io.tegami.api.net.ProtocolSession;
import io.tegami.pop3.auth.Apop;
import io.tegami.pop3.auth.SaslDialog;
import io.tegami.pop3.command.AuthorizationCommands;
import io.tegami.pop3.command.TransactionCommands;
import io.tegami.pop3.maildrop.Maildrop;

/**
 * One POP3 connection through RFC 1939's states: AUTHORIZATION (USER/PASS, APOP, AUTH, STLS),
 * TRANSACTION (the maildrop snapshot) and UPDATE (QUIT removes what DELE marked; a connection
 * that ends any other way removes nothing). It owns the session-wide rules: the greeting, long
 * lines, the bad-command limits (Dovecot's: 3 in a row before login, 20 after), idle and
 * shutdown goodbyes and the log lines. Commands live in {@link AuthorizationCommands} and
 * {@link TransactionCommands}; every method runs on the session's thread.
 */
public final class Pop3Session implements ProtocolSession {

    /** RFC 1939's states; UPDATE is the QUIT command itself. */
    public enum State {
        AUTHORIZATION,
        TRANSACTION
    }

    /** The longest command line (Dovecot's input buffer). */
    static final int MAX_COMMAND = 2048;
    /** The longest SASL response kept (an AUTH line with its initial response, or an answer). */
    static final int MAX_SASL_LINE = 16384;
    static final int MAX_BAD_BEFORE_LOGIN = 3;
    static final int MAX_BAD_AFTER_LOGIN = 20;
    /** The reason {@link #finish} takes for a QUIT before login. */
    public static final String QUIT_BEFORE_LOGIN = "Aborted login";

    private final Connection connection;
    private final Pop3Services services;
    private final Clock clock;
    private final Pop3Settings settings;
    private final LineAssembler assembler = new LineAssembler(MAX_SASL_LINE);
    private final SessionStats stats = new SessionStats();
    private State state = State.AUTHORIZATION;
    private LoginState login;
    private Maildrop maildrop;
    private String storeType;
    private String userName;
    private SaslDialog dialog;
    /** postfix stop: say goodbye once no AUTH exchange is in progress (drainRequested). */
    private boolean draining;
    private boolean awaitingTls;
    private boolean closing;
    private boolean ended;
    private int badCommands;
    /** The login as {@code doveadm who} lists it, or null. */
    private LoginRegistry.Login registration;

    public Pop3Session(Connection connection, Pop3Services services, Clock clock) {
        this.connection = connection;
        this.services = services;
        this.clock = clock;
        // Keep the parameters we started with in case the service goes while we say goodbye.
        MailParameters initial = services.parameters();
        this.settings = new Pop3Settings(() -> {
            MailParameters current = services.parameters();
            return current != null ? current : initial;
        }, connection.listener());
        this.login = new LoginState(System.nanoTime(), null);
    }

    @Override
    public void start() {
        String challenge = settings.apopEnabled() && services.users() != null
                ? Apop.challenge(clock, settings.hostname()) : null;
        login = new LoginState(System.nanoTime(), challenge);
        reply("+OK " + settings.greeting() + (challenge == null ? "" : " " + challenge));
        connection.flush();
    }

    @Override
    public void lineReceived(Line line) {
        if (closing || awaitingTls || ended) {
            return;
        }
        stats.input(line.length() + (line.isFragment() ? 0 : 2));
        LineAssembler.Assembled whole = assembler.add(line);
        if (whole == null) {
            return;
        }
        if (dialog != null) {
            SaslDialog current = dialog;
            if (whole.tooLong()) {
                dialog = null;
                current.abort();
                reply("-ERR Input line too long.");
            } else if (current.lineReceived(new String(whole.bytes(), StandardCharsets.UTF_8))) {
                if (dialog == current) {
                    dialog = null;
                }
            }
            if (draining && dialog == null) {
                shutdown();
            }
            return;
        }
        if (whole.tooLong() || (whole.bytes().length > MAX_COMMAND && !isAuthLine(whole.bytes()))) {
            reply("-ERR Input line too long.");
            countBad(false);
            return;
        }
        command(new String(whole.bytes(), StandardCharsets.UTF_8));
    }

    private static boolean isAuthLine(byte[] bytes) {
        return bytes.length > 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equalsIgnoreCase("AUTH ");
    }

    private void command(String line) {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : line.substring(space + 1);
        boolean ok;
        if (state == State.AUTHORIZATION) {
            ok = AuthorizationCommands.execute(this, verb, args);
        } else {
            if (maildrop.invalidated() && services.store(storeType) != maildrop.store()) {
                // The store service went away (bundle stopped or updated), not the mailbox:
                // Dovecot's words when its storage goes with the process.
                reply("-ERR [SYS/TEMP] Server shutting down.");
                finish("Disconnected: Mail storage is not available.", false);
                return;
            }
            if (maildrop.invalidated()) {
                reply("-ERR [SYS/TEMP] Mailbox is in inconsistent state, please relogin.");
                finish("Disconnected: Mailbox is in inconsistent state.", false);
                return;
            }
            // Dovecot skips the spaces after the command name once logged in.
            ok = TransactionCommands.execute(this, verb, args.stripLeading());
        }
        countBad(ok);
    }

    /** Dovecot's limits on bad commands in a row; a good command starts the count again. */
    private void countBad(boolean ok) {
        if (closing || ended) {
            return;
        }
        if (ok) {
            badCommands = 0;
            return;
        }
        badCommands++;
        if (state == State.AUTHORIZATION && badCommands >= MAX_BAD_BEFORE_LOGIN) {
            reply("-ERR Too many invalid bad commands.");
            finish("Disconnected: Too many bad commands.", false);
        } else if (state == State.TRANSACTION && badCommands > MAX_BAD_AFTER_LOGIN) {
            reply("-ERR Too many bad commands.");
            finish("Disconnected: Too many bad commands.", false);
        }
    }

    @Override
    public void tlsStarted() {
        awaitingTls = false;
    }

    @Override
    public void idle() {
        if (closing || ended) {
            return;
        }
        reply("-ERR Disconnected for inactivity.");
        finish("Disconnected for inactivity", false);
    }

    @Override
    public void shutdown() {
        if (closing || ended) {
            return;
        }
        reply("-ERR [SYS/TEMP] Server shutting down.");
        finish("Disconnected: Server shutting down.", false); // Dovecot's line, for doveadm kick too
    }

    /** postfix stop: commands run one at a time, so the current one is done; an AUTH exchange is finished first. */
    @Override
    public void drainRequested() {
        draining = true;
        if (dialog == null) {
            shutdown();
        }
    }

    @Override
    public void closed() {
        closing = true;
        end("Disconnected: Connection closed", false);
        unregister(); // also after a login that was aborted, which ended the session earlier
    }

    /**
     * Ends the session once: an unfinished AUTH is aborted, the maildrop gets its {@code \Seen}
     * flags (never deletions) unless {@code updated}, and the log says goodbye in Dovecot's words.
     *
     * @param reason the logged-in reason ({@code Disconnected: Logged out}), mapped to the
     *        pop3-login wording before login
     * @param updated true when QUIT has already run the UPDATE state
     */
    private void end(String reason, boolean updated) {
        if (ended) {
            return;
        }
        ended = true;
        unregister();
        if (dialog != null) {
            dialog.abort();
            dialog = null;
        }
        if (maildrop != null) {
            if (updated) {
                maildrop.close();
            } else {
                maildrop.abandon();
            }
            Pop3Log.user(userName, reason + " " + stats.format(settings.logoutFormat(), maildrop));
        } else if (userName == null) {
            Pop3Log.preLogin(login.disconnectReason(reason, System.nanoTime()) + ": "
                    + login.userFields() + ", " + Pop3Log.connectionFields(connection, false));
        }
    }

    // ---- for commands ----

    public Connection connection() {
        return connection;
    }

    public Pop3Services services() {
        return services;
    }

    public Pop3Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public State state() {
        return state;
    }

    public LoginState login() {
        return login;
    }

    public SessionStats stats() {
        return stats;
    }

    /** The maildrop, in the TRANSACTION state. */
    public Maildrop maildrop() {
        return maildrop;
    }

    /** The logged-in user's name, or null. */
    public String userName() {
        return userName;
    }

    /** Writes one reply line; the net layer flushes after the input at hand. */
    public void reply(String text) {
        write(text + "\r\n");
    }

    /** Writes raw text (a multi-line reply in one piece). */
    public void write(CharSequence text) {
        stats.output(text.length());
        connection.write(text);
    }

    /** Hands the following input lines to {@code sasl} until it says it has ended. */
    public void beginDialog(SaslDialog sasl) {
        this.dialog = sasl;
    }

    /** STLS: upgrades after the {@code +OK}; what the client pipelined in clear is forgotten. */
    public void startTls() {
        login.pendingUser(null);
        assembler.clear();
        awaitingTls = true;
        connection.startTls();
    }

    /**
     * The login succeeded and the maildrop is open: the TRANSACTION state begins.
     *
     * @param storeType the type of the store the maildrop came from, to tell later whether it is still bound
     */
    public void loggedIn(String user, Maildrop drop, String storeType) {
        this.userName = user;
        this.maildrop = drop;
        this.storeType = storeType;
        this.state = State.TRANSACTION;
        this.badCommands = 0;
    }

    /** The login counts against the user+IP limit until the session ends; null without a registry. */
    public void registered(LoginRegistry.Login login) {
        this.registration = login;
    }

    private void unregister() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }

    /**
     * The user authenticated but pop3-login does not let the session start (the user+IP limit):
     * the reply has been written; log {@code preLoginLine} as Dovecot's pop3-login does and close.
     */
    public void loginRefused(String preLoginLine) {
        ended = true;
        Pop3Log.preLogin(preLoginLine);
        hangUp();
    }

    /**
     * The user authenticated but the session cannot go on ({@code [IN-USE]}, store unavailable):
     * the reply has been written; log as Dovecot's mail process does and close.
     */
    public void loginAborted(String user, String reason) {
        this.userName = user;
        ended = true;
        unregister();
        Pop3Log.user(user, reason + " " + stats.format(settings.logoutFormat(), null));
        hangUp();
    }

    /**
     * Ends the session after the reply just written.
     *
     * @param reason the logged-in reason, or {@link #QUIT_BEFORE_LOGIN}
     * @param updated true when QUIT ran the UPDATE state
     */
    public void finish(String reason, boolean updated) {
        end(reason, updated);
        hangUp();
    }

    private void hangUp() {
        closing = true;
        connection.close();
    }
}
