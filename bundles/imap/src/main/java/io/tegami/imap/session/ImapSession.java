package io.tegami.imap.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.user.User;

/**
 * One IMAP connection. It owns what spans commands and hands the parts to helpers: the state
 * (RFC 3501 section 3) and the session's end (timeouts, shutdown, BYE), the input path
 * ({@link CommandInput}: lines, literals, dialogs, run through the {@link CommandRunner}), the
 * login ({@link SessionLogin}: the user and their folders), the selected mailbox and its untagged
 * updates ({@link SelectedMailbox}), the enabled extensions and IDLE's notifications
 * ({@link IdleWatch}).
 *
 * <p>Everything runs on the session thread: the net layer's callbacks, and IDLE's notifications,
 * which store events and the periodic check hand over with {@link Connection#execute(Runnable)}.
 * So responses never interleave and the store handles are used by one thread at a time, without
 * locks.
 */
public final class ImapSession implements ProtocolSession {

    /** The net layer's line length: longer lines arrive in pieces and are put together here. */
    static final int NET_LINE_LENGTH = 8192;
    /** The goodbye when the mail store service the session uses went away under it. */
    static final String STORE_GONE = "BYE [UNAVAILABLE] Mail storage is not available.";

    private final Connection connection;
    private final ImapServices services;
    private final ImapSettings settings;
    private final ImapOutput out;
    private final CommandInput input;
    private final SessionLogin login = new SessionLogin(this);
    private final SessionStats stats = new SessionStats();
    private final Instant connectedAt;
    private final Set<Extension> enabled = EnumSet.noneOf(Extension.class);
    private final IdleWatch idle;

    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private SelectedMailbox selected;
    private boolean closing;
    private boolean ended;
    /** postfix stop: BYE as soon as no command is in progress (drainRequested). */
    private boolean draining;
    private String endReason = "Connection closed";

    /** The extensions a client can ENABLE (RFC 5161). */
    public enum Extension { CONDSTORE, QRESYNC }

    public ImapSession(Connection connection, ImapServices services, CommandRunner runner) {
        this.connection = connection;
        this.services = services;
        MailParameters initial = services.parameters();
        this.settings = new ImapSettings(() -> {
            MailParameters current = services.parameters();
            return current != null ? current : initial;
        }, connection.listener());
        this.out = new ImapOutput(connection);
        this.connectedAt = services.clock().instant();
        this.idle = new IdleWatch(this);
        this.input = new CommandInput(this, runner, settings);
    }

    // ---- ProtocolSession ----

    @Override
    public void start() {
        connection.setMaxLineLength(NET_LINE_LENGTH);
        out.untagged("OK [CAPABILITY " + Capabilities.of(this) + "] " + settings.greeting());
        out.flush();
    }

    @Override
    public void lineReceived(Line line) {
        if (!closing && input.line(line)) {
            afterInput();
        }
    }

    @Override
    public void bytesReceived(ByteBuffer chunk, boolean last) {
        input.bytes(chunk, last, !closing);
    }

    private void afterInput() {
        if (!closing && input.tooManyBad()) {
            disconnect("BYE Too many invalid IMAP commands.", "Too many invalid IMAP commands");
        }
        drainIfBetweenCommands();
    }

    @Override
    public void tlsStarted() {
        input.tlsStarted();
    }

    @Override
    public void tlsFailed(Exception cause) {
        ImapLog.preLogin("TLS handshake failed: " + cause + ": " + connectionFields());
    }

    @Override
    public void idle() {
        if (closing) {
            return;
        }
        disconnect("BYE Disconnected for inactivity.", "Disconnected for inactivity");
    }

    @Override
    public void shutdown() {
        if (closing) {
            return;
        }
        disconnect("BYE Server shutting down.", "Server shutting down");
    }

    /** postfix stop: BYE now if no command is in progress (IDLE counts as none), else after it. */
    @Override
    public void drainRequested() {
        draining = true;
        drainIfBetweenCommands();
    }

    private void drainIfBetweenCommands() {
        if (draining && !closing && (idle.idling() || !input.inProgress())) {
            shutdown();
        }
    }

    @Override
    public void closed() {
        if (ended) {
            return;
        }
        ended = true;
        closing = true;
        input.end(); // a dialog forgets its secrets; a client gone mid-literal leaves no temporary file
        stopIdle();
        closeSelected();
        long seconds = Duration.between(connectedAt, services.clock().instant()).toSeconds();
        login.logDisconnect(state == SessionState.LOGOUT, endReason, stats.format(input.bytesIn(), out.bytes()), seconds);
        login.end();
        state = SessionState.LOGOUT;
    }

    // ---- for commands ----

    public Connection connection() {
        return connection;
    }

    public ImapServices services() {
        return services;
    }

    public ImapSettings settings() {
        return settings;
    }

    public ImapOutput out() {
        return out;
    }

    public SessionStats stats() {
        return stats;
    }

    public SessionState state() {
        return state;
    }

    /** The logged-in user, or null. */
    public User user() {
        return login.user();
    }

    /** The user's folders, or null before login. */
    public MailboxSession mailboxes() {
        return login.mailboxes();
    }

    /** The selected mailbox, or null. */
    public SelectedMailbox selected() {
        return selected;
    }

    public boolean isEnabled(Extension e) {
        return enabled.contains(e);
    }

    /** ENABLE; QRESYNC implies CONDSTORE (RFC 7162 3.2.3). */
    public void enable(Extension e) {
        enabled.add(e);
        if (e == Extension.QRESYNC) {
            enabled.add(Extension.CONDSTORE);
        }
    }

    /** The CAPABILITY list for the session as it is now. */
    public String capabilities() {
        return Capabilities.of(this);
    }

    /** One more bad command in a row; too many end the session. */
    public void countBad() {
        input.countBad();
    }

    /** A command succeeded: the bad-command run is over. */
    public void resetBad() {
        input.resetBad();
    }

    /** Records a failed login attempt for the disconnect line. */
    public void authFailed(String username, String method) {
        login.failed(username, method);
    }

    /**
     * Completes a successful authentication: the user+IP limit, the user's mail store, the
     * folders created for new users, the state change and the login line.
     *
     * @return null on success, else the text of the tagged {@code NO} to fail with
     */
    public String login(User authenticated, String method) {
        String refusal = login.complete(authenticated, method);
        if (refusal == null) {
            state = SessionState.AUTHENTICATED;
        }
        return refusal;
    }

    /** The method the user logged in with ({@code PLAIN}), or null. */
    public String authMethod() {
        return login.method();
    }

    /** Makes {@code mailbox} the selected one (the previous one must have been closed). */
    public void select(SelectedMailbox mailbox) {
        selected = mailbox;
        state = SessionState.SELECTED;
        mailbox.onEvent(idle::wake);
    }

    /** Back to the authenticated state: closes the selected mailbox's handle. */
    public void deselect() {
        closeSelected();
        if (state == SessionState.SELECTED) {
            state = SessionState.AUTHENTICATED;
        }
    }

    private void closeSelected() {
        if (selected != null) {
            selected.onEvent(null);
            selected.close();
            selected = null;
        }
    }

    /**
     * Writes the untagged updates other sessions caused (RFC 3501 7.4.1's rules decide
     * {@code allowExpunge}); a mailbox that went away ends the session with BYE. The store says
     * only that the handle is closed; whether the mail store service itself went away (bundle
     * stopped or updated: RFC 5530's {@code [UNAVAILABLE]}, a subsystem is down) or the folder
     * was really deleted or renamed (Dovecot's text) is told by asking which store is bound now.
     */
    public void syncSelected(boolean allowExpunge, boolean byUid) {
        if (selected == null) {
            return;
        }
        selected.sync(out, syncOptions(allowExpunge, byUid));
        if (selected.isClosed() && !closing) {
            if (login.storeGone()) {
                disconnect(STORE_GONE, "Mail storage is not available");
            } else {
                disconnect("BYE Selected mailbox was deleted, have to disconnect.", "Selected mailbox was deleted");
            }
        }
    }

    /** The update options for the enabled extensions. */
    public SelectedMailbox.Sync syncOptions(boolean allowExpunge, boolean byUid) {
        boolean qresync = isEnabled(Extension.QRESYNC);
        return new SelectedMailbox.Sync(allowExpunge, byUid || qresync, isEnabled(Extension.CONDSTORE), qresync);
    }

    /** Hands the following input lines to {@code d} until it says it has ended. */
    public void beginDialog(LineDialog d) {
        input.beginDialog(d);
    }

    /** LOGOUT: the tagged OK follows, then the connection closes. */
    public void logout() {
        state = SessionState.LOGOUT;
    }

    /** COMPRESS=DEFLATE after the tagged OK (RFC 4978): both directions are compressed from here. */
    public void startCompression() {
        out.push(); // the tagged OK goes out uncompressed
        connection.startCompression(settings.compressLevel());
    }

    /** Starts the TLS handshake after the tagged OK; what the client sent in clear is forgotten. */
    public void startTls() {
        input.awaitTls();
        out.push(); // the tagged OK goes out in clear
        connection.startTls();
    }

    /** Says goodbye with the untagged {@code bye}, notes {@code reason} for the log and hangs up. */
    void disconnect(String bye, String reason) {
        out.untagged(bye);
        endReason = reason;
        hangUp();
    }

    /** Closes the connection after what was written. */
    public void hangUp() {
        closing = true;
        out.flush();
        connection.close();
    }

    /** True once the session is ending. */
    public boolean isClosing() {
        return closing;
    }

    // ---- IDLE ----

    /** IDLE began: store events are announced as they come, and the folder is checked periodically. */
    public void startIdle() {
        idle.start();
    }

    /** IDLE ended (DONE, or the session ends). */
    public void stopIdle() {
        idle.stop();
    }

    /** Sends the updates that woke IDLE up (a task on the session thread; public for tests). */
    public void idleNotify() {
        idle.notifyNow();
    }

    /** Looks for changes made by other processes and keeps NATs awake (public for tests). */
    public void idleCheck() {
        idle.check();
    }

    // ---- addresses ----

    public String remoteIp() {
        return ip(connection.remoteAddress());
    }

    public String localIp() {
        return ip(connection.localAddress());
    }

    private static String ip(InetSocketAddress a) {
        return a == null || a.getAddress() == null ? "unknown" : a.getAddress().getHostAddress();
    }

    /** {@code rip=..., lip=..., TLS, session=<...>}. */
    public String connectionFields() {
        return ImapLog.connectionFields(remoteIp(), localIp(), connection.isSecure(), connection.id());
    }
}
