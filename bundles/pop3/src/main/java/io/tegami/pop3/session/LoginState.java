package io.tegami.pop3.session;

/**
 * What happened before login, for the commands of the AUTHORIZATION state and for Dovecot's
 * disconnect line ({@code Disconnected (auth failed, 2 attempts in 5 secs): user=<alice>,
 * method=PLAIN, ...}): the USER name waiting for PASS, the APOP timestamp, the attempts.
 */
public final class LoginState {

    private final long startNanos;
    private final String apopChallenge;
    private String pendingUser;
    private String lastUser;
    private String lastMethod;
    private int attempts;
    private boolean plaintextRefused;
    private boolean unsupportedMechanism;

    /**
     * @param apopChallenge the greeting's timestamp, or null when APOP is not offered
     */
    public LoginState(long startNanos, String apopChallenge) {
        this.startNanos = startNanos;
        this.apopChallenge = apopChallenge;
    }

    /** The greeting's APOP timestamp ({@code <pid.n.time@host>}), or null. */
    public String apopChallenge() {
        return apopChallenge;
    }

    /** The name of the last USER command, or null. */
    public String pendingUser() {
        return pendingUser;
    }

    public void pendingUser(String name) {
        this.pendingUser = name;
    }

    /** An authentication failed (counted for the disconnect line). */
    public void failed(String method, String user) {
        attempts++;
        lastMethod = method;
        if (user != null) {
            lastUser = user;
        }
    }

    /** A plaintext login was refused on an unsecured connection. */
    public void plaintextRefused() {
        plaintextRefused = true;
        attempts++;
    }

    /** AUTH named a mechanism that is not offered. */
    public void unsupportedMechanism(String method) {
        unsupportedMechanism = true;
        lastMethod = method;
    }

    public int attempts() {
        return attempts;
    }

    /**
     * Dovecot's reason for a client that leaves without logging in, as in
     * {@code Disconnected (auth failed, 1 attempts in 2 secs)} or
     * {@code Aborted login (no auth attempts in 0 secs)}.
     *
     * @param reason how it ended, in the logged-in session's words ({@code Disconnected for
     *        inactivity}), or {@link Pop3Session#QUIT_BEFORE_LOGIN}
     */
    public String disconnectReason(String reason, long nowNanos) {
        String prefix = switch (reason) {
            case Pop3Session.QUIT_BEFORE_LOGIN -> "Aborted login";
            case "Disconnected for inactivity" -> "Disconnected: Inactivity";
            case "Disconnected: Server shutting down." -> "Disconnected: Shutting down";
            case "Disconnected: Too many bad commands." -> "Disconnected: Too many bad commands";
            default -> "Disconnected";
        };
        long secs = Math.max(0, (nowNanos - startNanos) / 1_000_000_000L);
        String why;
        if (plaintextRefused && attempts == 1) {
            why = "tried to use disallowed plaintext auth";
        } else if (attempts > 0) {
            why = "auth failed, " + attempts + " attempts in " + secs + " secs";
        } else if (unsupportedMechanism) {
            why = "tried to use unsupported auth mechanism";
        } else {
            why = "no auth attempts in " + secs + " secs";
        }
        return prefix + " (" + why + ")";
    }

    /** The {@code user=<...>, method=...} part of the disconnect line. */
    public String userFields() {
        String fields = "user=<" + Pop3Log.printable(lastUser != null ? lastUser : pendingUser != null ? pendingUser : "") + ">";
        return lastMethod == null ? fields : fields + ", method=" + lastMethod;
    }
}
