package io.tegami.smtp.session;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.smtp.data.BareNewline;

/**
 * The Postfix parameters the SMTP server reads, looked up on every use so that a changed
 * {@code main.cf} value applies to the next command. A listener option (master.cf {@code -o})
 * wins over the main value; fallbacks equal Postfix's defaults (docs/PARAMETERS.md).
 */
public final class SmtpSettings {

    /** Commas and white space between list items, compiled once: lists are read for every command. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");

    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{(\\w+)\\}|(\\w+))");

    private final Supplier<MailParameters> parameters;
    private final ListenerInfo listener;

    /**
     * @param parameters the current parameters (may supply {@code null} while the server stops)
     * @param listener the listener of the connection, for per-listener overrides; may be {@code null}
     */
    public SmtpSettings(Supplier<MailParameters> parameters, ListenerInfo listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    /** A parameter: the listener's option first, then the main value, then {@code fallback}. */
    public String get(String name, String fallback) {
        MailParameters main = parameters.get();
        String own = listener == null ? null : listener.options().get(name);
        if (own != null) {
            return expand(own, main);
        }
        if (main != null) {
            String value = main.get(name).orElse(null);
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }

    /** A number; a malformed value falls back rather than breaking the session. */
    public long getLong(String name, long fallback) {
        String value = get(name, null);
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A {@code yes}/{@code no} flag. */
    public boolean getBoolean(String name, boolean fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> fallback;
        };
    }

    /** A list split at commas and white space, as Postfix splits {@code mydestination}. */
    public List<String> getList(String name, String fallback) {
        String value = get(name, fallback);
        return value == null || value.isBlank() ? List.of() : List.of(LIST_SEPARATOR.split(value.trim()));
    }

    /**
     * {@code smtpd_client_event_limit_exceptions}: clients the connection limits spare; Postfix's
     * default is {@code $mynetworks}.
     */
    public ClientNetworks clientLimitExceptions() {
        String own = get("smtpd_client_event_limit_exceptions", null);
        return ClientNetworks.parse(own != null ? getList("smtpd_client_event_limit_exceptions", "")
                : getList("mynetworks", "127.0.0.0/8 [::1]/128"));
    }

    public String myhostname() {
        return get("myhostname", "localhost");
    }

    public String mailName() {
        return get("mail_name", "Tegami");
    }

    public String banner() {
        return get("smtpd_banner", myhostname() + " ESMTP " + mailName());
    }

    public String myorigin() {
        return get("myorigin", myhostname());
    }

    public List<String> mydestination() {
        String host = myhostname();
        int dot = host.indexOf('.');
        String mydomain = get("mydomain", dot > 0 ? host.substring(dot + 1) : "localdomain");
        return getList("mydestination", host + ", localhost." + mydomain + ", localhost");
    }

    /** {@code message_size_limit}; 0 means no limit. */
    public long messageSizeLimit() {
        return getLong("message_size_limit", 10240000L);
    }

    public long recipientLimit() {
        return getLong("smtpd_recipient_limit", 1000);
    }

    public long recipientOvershootLimit() {
        return getLong("smtpd_recipient_overshoot_limit", 1000);
    }

    public long hardErrorLimit() {
        return getLong("smtpd_hard_error_limit", 20);
    }

    public long junkCommandLimit() {
        return getLong("smtpd_junk_command_limit", 100);
    }

    public boolean vrfyDisabled() {
        return getBoolean("disable_vrfy_command", false);
    }

    public boolean heloRequired() {
        return getBoolean("smtpd_helo_required", false);
    }

    public String recipientDelimiter() {
        return get("recipient_delimiter", "");
    }

    /** Postfix's {@code smtpd_forbidden_commands}: a client sending these is not speaking SMTP. */
    public List<String> forbiddenCommands() {
        return getList("smtpd_forbidden_commands", "CONNECT GET POST");
    }

    /** Whether our Received: header names the TLS protocol and cipher (Postfix's default is no). */
    public boolean tlsReceivedHeader() {
        return getBoolean("smtpd_tls_received_header", true);
    }

    /**
     * {@code smtpd_tls_security_level}, lower case: {@code none}, {@code may} or {@code encrypt}.
     * As in Postfix, the pre-2.3 names count only while the level is not set (neither on the
     * listener nor in main.cf): {@code smtpd_enforce_tls = yes} means {@code encrypt}, else
     * {@code smtpd_use_tls = yes} means {@code may}, and either set to {@code no} means
     * {@code none}. With none of them set, Tegami's default applies ({@code may}).
     */
    public String tlsLevel() {
        String level = own("smtpd_tls_security_level");
        if (level == null || level.isBlank()) {
            String enforce = own("smtpd_enforce_tls");
            String use = own("smtpd_use_tls");
            if (enforce != null || use != null) {
                return isYes(enforce) ? "encrypt" : isYes(use) ? "may" : "none";
            }
            level = get("smtpd_tls_security_level", "may");
        }
        return level.trim().toLowerCase(Locale.ROOT);
    }

    /** True when STARTTLS may be offered at all (level other than none). */
    public boolean tlsOffered() {
        String level = tlsLevel();
        return !level.isEmpty() && !level.equals("none");
    }

    /** True when mail may only be sent over TLS; Postfix treats verify and secure as encrypt here. */
    public boolean tlsRequired() {
        return switch (tlsLevel()) {
            case "encrypt", "verify", "secure", "fingerprint", "dane", "dane-only" -> true;
            default -> false;
        };
    }

    // ---- SASL (RFC 4954) ----

    /** {@code smtpd_sasl_auth_enable}: whether AUTH exists at all (Postfix's default: no; on for submission). */
    public boolean saslEnabled() {
        return getBoolean("smtpd_sasl_auth_enable", false);
    }

    /** {@code smtpd_tls_auth_only}: no AUTH, not even offered, before TLS. */
    public boolean tlsAuthOnly() {
        return getBoolean("smtpd_tls_auth_only", false);
    }

    /** {@code broken_sasl_auth_clients}: also announce {@code AUTH=PLAIN ...} for Outlook Express 4 and friends. */
    public boolean brokenSaslAuthClients() {
        return getBoolean("broken_sasl_auth_clients", false);
    }

    /** Dovecot's {@code auth_mechanisms}, upper case, in the admin's order (Tegami's default: plain login). */
    public List<String> authMechanisms() {
        return getList("auth_mechanisms", "plain login").stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }

    /** Dovecot's {@code disable_plaintext_auth}: PLAIN and LOGIN only over TLS or from loopback. */
    public boolean disablePlaintextAuth() {
        return getBoolean("disable_plaintext_auth", true);
    }

    /** {@code smtpd_sasl_authenticated_header}: name the SASL user in Received: (Postfix's default: no). */
    public boolean saslAuthenticatedHeader() {
        return getBoolean("smtpd_sasl_authenticated_header", false);
    }

    /** {@code smtpd_sasl_response_limit}: the longest client response in an AUTH exchange, in bytes. */
    public long saslResponseLimit() {
        return getLong("smtpd_sasl_response_limit", 12288);
    }

    // ---- ESMTP extensions: DSN, SMTPUTF8, CHUNKING; pipelining and line-ending rules ----

    /**
     * {@code smtpd_discard_ehlo_keywords}: EHLO keywords not to announce, upper case; the pseudo
     * keyword {@code silent-discard} (or {@code silent_discard}) only turns the log line off.
     */
    public List<String> discardedEhloKeywords() {
        return getList("smtpd_discard_ehlo_keywords", "").stream().map(k -> k.toUpperCase(Locale.ROOT)).toList();
    }

    /** True when {@code keyword} ({@code DSN}, {@code CHUNKING}...) is in smtpd_discard_ehlo_keywords. */
    public boolean ehloDiscards(String keyword) {
        return discardedEhloKeywords().contains(keyword.toUpperCase(Locale.ROOT));
    }

    /** {@code smtputf8_enable}: offer SMTPUTF8 (RFC 6531) and check command lines are UTF-8 (Postfix: yes). */
    public boolean smtputf8Enabled() {
        return getBoolean("smtputf8_enable", true);
    }

    /** {@code strict_smtputf8}: take UTF-8 addresses only in an SMTPUTF8 transaction (Postfix: no). */
    public boolean strictSmtputf8() {
        return getBoolean("strict_smtputf8", false);
    }

    /**
     * {@code smtpd_forbid_unauth_pipelining}: hang up on clients that send ahead where RFC 2920
     * does not allow it (Postfix 3.9: yes).
     */
    public boolean forbidUnauthPipelining() {
        return getBoolean("smtpd_forbid_unauth_pipelining", true);
    }

    /**
     * {@code smtpd_forbid_bare_newline} for a client, {@code normalize} by default as in Postfix
     * 3.9; clients in {@code smtpd_forbid_bare_newline_exclusions} (default {@code $mynetworks})
     * get {@code no}.
     */
    public BareNewline bareNewline(InetAddress client) {
        BareNewline policy = switch (get("smtpd_forbid_bare_newline", "normalize").trim().toLowerCase(Locale.ROOT)) {
            case "no", "false", "off" -> BareNewline.NO;
            case "reject" -> BareNewline.REJECT;
            default -> BareNewline.NORMALIZE;
        };
        if (policy == BareNewline.NO || client == null) {
            return policy;
        }
        String own = get("smtpd_forbid_bare_newline_exclusions", null);
        ClientNetworks exclusions = ClientNetworks.parse(own != null ? getList("smtpd_forbid_bare_newline_exclusions", "")
                : getList("mynetworks", "127.0.0.0/8 [::1]/128"));
        return exclusions.contains(client) ? BareNewline.NO : policy;
    }

    /** {@code smtpd_forbid_bare_newline_reject_code}: 550 by default; 521 also hangs up. */
    public long bareNewlineRejectCode() {
        return getLong("smtpd_forbid_bare_newline_reject_code", 550);
    }

    /**
     * A parameter the admin set: the listener's option, else an explicit main.cf value; {@code null}
     * when neither (defaults do not count).
     */
    private String own(String name) {
        String option = listener == null ? null : listener.options().get(name);
        if (option != null) {
            return expand(option, parameters.get());
        }
        MailParameters main = parameters.get();
        if (main != null && main.explicit().containsKey(name)) {
            return main.get(name).orElse(null);
        }
        return null;
    }

    private static boolean isYes(String value) {
        return value != null && switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            default -> false;
        };
    }

    /** Expands {@code $name} in a listener option; main values come expanded already. */
    private static String expand(String value, MailParameters main) {
        if (main == null || value.indexOf('$') < 0) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(main.get(name).orElse("")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
