package io.tegami.pop3.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pieces of Dovecot's log lines that fail2ban and log readers match on. */
class LogLinesTest {

    @Test
    void preLoginDisconnectReasons() {
        long start = 0;
        long fiveSecs = 5_000_000_000L;
        LoginState s = new LoginState(start, null);
        assertEquals("Disconnected (no auth attempts in 5 secs)", s.disconnectReason("Disconnected: Connection closed", fiveSecs));
        assertEquals("Aborted login (no auth attempts in 5 secs)", s.disconnectReason(Pop3Session.QUIT_BEFORE_LOGIN, fiveSecs));
        s.pendingUser("alice");
        s.failed("PLAIN", "alice");
        s.failed("PLAIN", "alice");
        // fail2ban's dovecot filter: "Disconnected (auth failed, \d+ attempts in \d+ secs): user=<...>, method=..., rip=<HOST>"
        assertEquals("Disconnected (auth failed, 2 attempts in 5 secs)", s.disconnectReason("Disconnected: Connection closed", fiveSecs));
        assertEquals("Disconnected: Inactivity (auth failed, 2 attempts in 5 secs)",
                s.disconnectReason("Disconnected for inactivity", fiveSecs));
        assertEquals("user=<alice>, method=PLAIN", s.userFields());
        LoginState p = new LoginState(start, null);
        p.plaintextRefused();
        assertEquals("Disconnected (tried to use disallowed plaintext auth)", p.disconnectReason("x", fiveSecs));
        LoginState u = new LoginState(start, null);
        u.unsupportedMechanism("FOO");
        assertEquals("Aborted login (tried to use unsupported auth mechanism)", u.disconnectReason(Pop3Session.QUIT_BEFORE_LOGIN, 0));
        assertEquals("user=<>, method=FOO", u.userFields());
    }

    @Test
    void logoutFormat() {
        SessionStats st = new SessionStats();
        st.retr(68);
        st.top(33);
        st.top(37);
        assertEquals("top=2/70, retr=1/68, del=0/0, size=0", st.format(Pop3Settings.DEFAULT_LOGOUT_FORMAT, null));
        assertEquals("1 68 %", st.format("%{retr_count} %b %%", null));
    }

    @Test
    void printableCutsControlsAndLength() {
        assertEquals("a?b", Pop3Log.printable("a\nb"));
        assertEquals("x".repeat(100) + "...", Pop3Log.printable("x".repeat(150)));
    }
}
