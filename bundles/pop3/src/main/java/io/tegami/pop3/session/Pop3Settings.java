package io.tegami.pop3.session;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerInfo;

/**
 * The parameters the POP3 server reads, looked up on every use so that a changed value applies to
 * the next command. Dovecot's names; a listener option (like a setting in a Dovecot
 * {@code protocol pop3} or {@code service} block) wins over the main value.
 */
public final class Pop3Settings {

    /** Dovecot's default {@code pop3_uidl_format}: UID and UIDVALIDITY, 8 upper-case hex digits each. */
    public static final String DEFAULT_UIDL_FORMAT = "%08Xu%08Xv";
    /** Dovecot's default {@code pop3_logout_format}. */
    public static final String DEFAULT_LOGOUT_FORMAT = "top=%t/%p, retr=%r/%b, del=%d/%m, size=%s";

    private final Supplier<MailParameters> parameters;
    private final ListenerInfo listener;

    /**
     * @param parameters the current parameters (may supply null while the server stops)
     * @param listener the connection's listener, for per-listener overrides; may be null
     */
    public Pop3Settings(Supplier<MailParameters> parameters, ListenerInfo listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    /** A parameter: the listener's option, then the main value, then {@code fallback}. */
    public String get(String name, String fallback) {
        String own = listener == null ? null : listener.options().get(name);
        if (own != null) {
            return own.trim();
        }
        MailParameters main = parameters.get();
        if (main != null) {
            String value = main.get(name).orElse(null);
            if (value != null) {
                return value.trim();
            }
        }
        return fallback;
    }

    /** A {@code yes}/{@code no} flag. */
    public boolean getBoolean(String name, boolean fallback) {
        return switch (get(name, "").toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> fallback;
        };
    }

    /** A list split at commas and white space. */
    public List<String> getList(String name, String fallback) {
        String v = get(name, fallback);
        return v == null || v.isBlank() ? List.of()
                : Arrays.stream(v.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The parameters themselves (for the mail location), or null while the service is away. */
    public MailParameters parameters() {
        return parameters.get();
    }

    public String hostname() {
        return get("myhostname", "localhost");
    }

    /** Dovecot's {@code login_greeting}: {@code +OK Tegami ready.} */
    public String greeting() {
        return get("login_greeting", "Tegami ready.");
    }

    /** Dovecot's {@code auth_mechanisms}, upper case. */
    public List<String> authMechanisms() {
        return getList("auth_mechanisms", "plain login").stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }

    /** APOP is offered (a timestamp in the greeting) only when {@code auth_mechanisms} lists {@code apop}. */
    public boolean apopEnabled() {
        return authMechanisms().contains("APOP");
    }

    /** Dovecot's {@code disable_plaintext_auth}: no plaintext passwords unless secured (TLS or loopback). */
    public boolean disablePlaintextAuth() {
        return getBoolean("disable_plaintext_auth", true);
    }

    /** Dovecot's {@code ssl}: {@code no}, {@code yes} or {@code required}. */
    public String ssl() {
        String v = get("ssl", "yes").toLowerCase(Locale.ROOT);
        return v.equals("no") || v.equals("required") ? v : "yes";
    }

    /** Dovecot's {@code pop3_uidl_format}. */
    public String uidlFormat() {
        String v = get("pop3_uidl_format", DEFAULT_UIDL_FORMAT);
        return v.isEmpty() ? DEFAULT_UIDL_FORMAT : v;
    }

    /** Dovecot's {@code pop3_no_flag_updates}: when yes, RETR does not set {@code \Seen}. */
    public boolean noFlagUpdates() {
        return getBoolean("pop3_no_flag_updates", false);
    }

    /**
     * {@code pop3_lock_session}: one POP3 session per mailbox at a time, the others get
     * {@code [IN-USE]}. Dovecot's default is no; Tegami's is yes.
     */
    public boolean lockSession() {
        return getBoolean("pop3_lock_session", true);
    }

    /** Dovecot's {@code pop3_client_workarounds}, lower case. */
    public List<String> clientWorkarounds() {
        return getList("pop3_client_workarounds", "").stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Dovecot's {@code mail_max_userip_connections}: POP3 logins one user may have from one IP
     * address at once (IMAP's are counted apart); 0 for no limit. A bad value keeps Dovecot's 10.
     */
    public int maxUserIpConnections() {
        try {
            return Math.max(0, Integer.parseInt(get("mail_max_userip_connections", "10")));
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    /** Dovecot's {@code pop3_logout_format}. */
    public String logoutFormat() {
        return get("pop3_logout_format", DEFAULT_LOGOUT_FORMAT);
    }
}
