package io.tegami.imap.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import io.tegami.imap.protocol.CommandAssembler;
import io.tegami.imap.protocol.LiteralPolicy;

/**
 * One IMAP connection. It owns what spans commands: the state (RFC 3501 section 3), the logged-in
 * user and their folders, the selected mailbox, the input path (lines, literals, dialogs), the
 * untagged updates, IDLE's notifications, timeouts and the log lines. Commands run through the
 * {@link CommandRunner}.
 *
 * <p>Callbacks from the net layer run on the session thread. IDLE notifications run on the
 * handler's scheduler; a lock makes the two take turns, so responses never interleave and the
 * store handles are used by one thread at a time.
 */
public final class ImapSession implements ProtocolSession {

    /** Bad commands in a row before the session is ended (Dovecot's CLIENT_MAX_BAD_COMMANDS). */
    static final int MAX_BAD_COMMANDS = 20;
    /** Literals up to this size stay in memory; larger ones (APPEND) go to a temporary file. */
    static final long LITERAL_MEMORY_LIMIT = 256 * 1024;
    /** The net layer's line length: longer lines arrive in pieces and are put together here. */
    static final int NET_LINE_LENGTH = 8192;

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private final ImapServices services;
    private final CommandRunner runner;
    private final ImapSettings settings;
    private final ImapOutput out;
    private final CommandAssembler assembler;
    private final SessionStats stats = new SessionStats();
    private final Instant connectedAt;
    private final Set<Extension> enabled = EnumSet.noneOf(Extension.class);
    private final IdleWatch idle;

    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private User user;
    private String authMethod;
    private MailboxSession mailboxes;
    private SelectedMailbox selected;
    private LineDialog dialog;
    private boolean awaitingTls;
    private boolean closing;
    private boolean ended;
    private String endReason = "Connection closed";
    private long bytesIn;
    private int badCommands;
    private int authAttempts;
    private String triedUser;
    private String triedMethod;

    /** The extensions a client can ENABLE (RFC 5161). */
    public enum Extension { CONDSTORE, QRESYNC }

    public ImapSession(Connection connection, ImapServices services, CommandRunner runner) {
        this.connection = connection;
        this.services = services;
        this.runner = runner;
        MailParameters initial = services.parameters();
        this.settings = new ImapSettings(() -> {
            MailParameters current = services.parameters();
            return current != null ? current : initial;
        }, connection.listener());
        this.out = new ImapOutput(connection);
        this.connectedAt = services.clock().instant();
        this.idle = new IdleWatch(this);
        ImapSession self = this;
        this.assembler = new CommandAssembler(settings.maxLineLength(), LITERAL_MEMORY_LIMIT, settings::tempDir,
                new LiteralPolicy() {
                    @Override
                    public String check(io.tegami.imap.protocol.CommandPrefix prefix, long size, long commandBytes) {
                        return runner.checkLiteral(self, prefix, size, commandBytes);
                    }

                    @Override
                    public boolean countsTowardsLength(io.tegami.imap.protocol.CommandPrefix prefix) {
                        return runner.countsTowardsLength(prefix);
                    }
                });
    }

    // ---- ProtocolSession ----

    @Override
    public void start() {
        lock.lock();
        try {
            connection.setMaxLineLength(NET_LINE_LENGTH);
            out.untagged("OK [CAPABILITY " + Capabilities.of(this) + "] " + settings.greeting());
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void lineReceived(Line line) {
        lock.lock();
        try {
            if (closing || awaitingTls) {
                return;
            }
            bytesIn += line.length() + (line.isFragment() ? 0 : line.ending() == Line.Ending.CRLF ? 2 : 1);
            if (dialog != null) {
                if (dialog.lineReceived(line)) {
                    dialog = null;
                }
            } else if (line.length() == 0 && !line.isFragment() && !assembler.inCommand()) {
                // A stray empty line (some clients end an APPEND with an extra CRLF): nothing to answer.
                return;
            } else {
                handle(assembler.line(line));
            }
            afterInput();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void bytesReceived(ByteBuffer chunk, boolean last) {
        lock.lock();
        try {
            bytesIn += chunk.remaining();
            if (!closing && !awaitingTls) {
                handle(assembler.bytes(chunk, last));
            }
        } finally {
            lock.unlock();
        }
    }

    private void handle(CommandAssembler.Step step) {
        if (step instanceof CommandAssembler.Complete complete) {
            try (var command = complete.command()) {
                runner.run(this, command);
            }
        } else if (step instanceof CommandAssembler.AwaitLiteral literal) {
            if (literal.synchronizing()) {
                out.continuation("OK");
                out.flush();
            }
            connection.readBytes(literal.size());
        } else if (step instanceof CommandAssembler.Refused refused) {
            out.tagged(refused.tag(), refused.response());
            countBad();
            if (refused.close()) {
                // The refused literal's octets are on their way and must never be read as commands.
                out.untagged("BYE Command refused, disconnecting.");
                endReason = "Literal refused";
                hangUp();
            }
        }
    }

    private void afterInput() {
        if (!closing && badCommands >= MAX_BAD_COMMANDS) {
            out.untagged("BYE Too many invalid IMAP commands.");
            endReason = "Too many invalid IMAP commands";
            hangUp();
        }
    }

    @Override
    public void tlsStarted() {
        lock.lock();
        try {
            awaitingTls = false;
            assembler.reset();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void tlsFailed(Exception cause) {
        ImapLog.preLogin("TLS handshake failed: " + cause + ": " + connectionFields());
    }

    @Override
    public void idle() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            out.untagged("BYE Disconnected for inactivity.");
            endReason = "Disconnected for inactivity";
            hangUp();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            out.untagged("BYE Server shutting down.");
            endReason = "Server shutting down";
            hangUp();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void closed() {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            closing = true;
            if (dialog != null) {
                dialog.abort();
                dialog = null;
            }
            stopIdle();
            assembler.reset(); // a client that vanished mid-literal leaves no temporary file
            closeSelected();
            logDisconnect();
            if (mailboxes != null) {
                mailboxes.close();
                mailboxes = null;
                services.userIp().release(user.name(), remoteIp());
            }
            state = SessionState.LOGOUT;
        } finally {
            lock.unlock();
        }
    }

    private void logDisconnect() {
        long seconds = Duration.between(connectedAt, services.clock().instant()).toSeconds();
        if (user != null) {
            String what = state == SessionState.LOGOUT ? "Logged out" : "Disconnected: " + endReason;
            ImapLog.user(user.name(), what + " " + stats.format(bytesIn, out.bytes()));
        } else {
            ImapLog.preLogin(ImapLog.formatPreLoginDisconnect(authAttempts, seconds, triedUser, triedMethod, connectionFields()));
        }
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
        return user;
    }

    /** The user's folders, or null before login. */
    public MailboxSession mailboxes() {
        return mailboxes;
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
        badCommands++;
    }

    /** A command succeeded: the bad-command run is over. */
    public void resetBad() {
        badCommands = 0;
    }

    /** Records a failed login attempt for the disconnect line. */
    public void authFailed(String username, String method) {
        authAttempts++;
        triedUser = username;
        triedMethod = method;
    }

    /**
     * Completes a successful authentication: the user+IP limit, the user's mail store, the
     * folders created for new users, the state change and the login line.
     *
     * @return null on success, else the text of the tagged {@code NO} to fail with
     */
    public String login(User authenticated, String method) {
        String ip = remoteIp();
        long max = settings.maxUserIpConnections();
        if (!services.userIp().acquire(authenticated.name(), ip, max)) {
            String reason = "Maximum number of connections from user+IP exceeded (mail_max_userip_connections=" + max + ")";
            ImapLog.preLogin(reason + ": user=<" + ImapLog.printable(authenticated.name()) + ">, method=" + method + ", "
                    + connectionFields());
            return "[UNAVAILABLE] " + reason;
        }
        var store = services.store(authenticated);
        if (store == null) {
            services.userIp().release(authenticated.name(), ip);
            ImapLog.warn("imap({}): no mail store of type {} is running", authenticated.name(), services.storeType(authenticated));
            return "[UNAVAILABLE] Temporary failure: mail storage is not available. Try again later.";
        }
        try {
            mailboxes = store.open(authenticated);
        } catch (StoreException | RuntimeException e) {
            services.userIp().release(authenticated.name(), ip);
            ImapLog.warn("imap({}): cannot open mail: {}", authenticated.name(), e.toString());
            return "[UNAVAILABLE] Temporary failure: cannot open the mailboxes. Try again later.";
        }
        user = authenticated;
        authMethod = method;
        state = SessionState.AUTHENTICATED;
        Autocreate.run(mailboxes, settings);
        ImapLog.login(ImapLog.formatLogin(user.name(), method, ip, localIp(), connection.isSecure(), connection.id()));
        return null;
    }

    /** The method the user logged in with ({@code PLAIN}), or null. */
    public String authMethod() {
        return authMethod;
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
     * {@code allowExpunge}); a mailbox that went away ends the session with BYE.
     */
    public void syncSelected(boolean allowExpunge, boolean byUid) {
        if (selected == null) {
            return;
        }
        selected.sync(out, syncOptions(allowExpunge, byUid));
        if (selected.isClosed() && !closing) {
            out.untagged("BYE Selected mailbox was deleted, have to disconnect.");
            endReason = "Selected mailbox was deleted";
            hangUp();
        }
    }

    /** The update options for the enabled extensions. */
    public SelectedMailbox.Sync syncOptions(boolean allowExpunge, boolean byUid) {
        boolean qresync = isEnabled(Extension.QRESYNC);
        return new SelectedMailbox.Sync(allowExpunge, byUid || qresync, isEnabled(Extension.CONDSTORE), qresync);
    }

    /** Hands the following input lines to {@code d} until it says it has ended. */
    public void beginDialog(LineDialog d) {
        this.dialog = d;
    }

    /** LOGOUT: the tagged OK follows, then the connection closes. */
    public void logout() {
        state = SessionState.LOGOUT;
    }

    /** Starts the TLS handshake after the tagged OK; what the client sent in clear is forgotten. */
    public void startTls() {
        awaitingTls = true;
        assembler.reset();
        connection.startTls();
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

    /** Sends the updates that woke IDLE up (normally on the scheduler; public for tests). */
    public void idleNotify() {
        idle.notifyNow();
    }

    /** Looks for changes made by other processes and keeps NATs awake (public for tests). */
    public void idleCheck() {
        idle.check();
    }

    /** The lock that makes IDLE notifications and session callbacks take turns. */
    ReentrantLock lock() {
        return lock;
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
