package io.tegami.imap.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerInfo;

/**
 * The parameters the IMAP server reads, looked up on every use so that a changed value applies
 * to the next command. Dovecot's names; a listener option (like a Dovecot {@code service} or
 * {@code protocol} block setting) wins over the main value.
 */
public final class ImapSettings {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*([a-z]*)\\s*");

    private final Supplier<MailParameters> parameters;
    private final ListenerInfo listener;

    /**
     * @param parameters the current parameters (may supply null while the server stops)
     * @param listener the connection's listener, for per-listener overrides; may be null
     */
    public ImapSettings(Supplier<MailParameters> parameters, ListenerInfo listener) {
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

    /** A size with Dovecot's optional unit ({@code 64k}, {@code 10M}); a malformed value falls back. */
    public long getSize(String name, long fallback) {
        String v = get(name, "").toLowerCase(Locale.ROOT).replace(" ", "");
        if (v.isEmpty()) {
            return fallback;
        }
        long unit = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'b') {
            v = v.substring(0, v.length() - 1);
            last = v.isEmpty() ? '0' : v.charAt(v.length() - 1);
        }
        switch (last) {
            case 'k' -> unit = 1024;
            case 'm' -> unit = 1024 * 1024;
            case 'g' -> unit = 1024L * 1024 * 1024;
            default -> unit = 1;
        }
        if (unit != 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Long.parseLong(v) * unit;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * A time in Postfix notation ({@code 30s}, {@code 2m}) or Dovecot's ({@code 30 secs},
     * {@code 2 mins}, {@code 1 hour}); a bare number counts seconds.
     */
    public Duration getDuration(String name, Duration fallback) {
        Matcher m = DURATION.matcher(get(name, "").toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return fallback;
        }
        String unit = m.group(2);
        if (unit.isEmpty() || unit.startsWith("s")) {
            return Duration.ofSeconds(n);
        }
        return switch (unit.charAt(0)) {
            case 'm' -> unit.startsWith("ms") || unit.startsWith("mil") ? Duration.ofMillis(n) : Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> fallback;
        };
    }

    /** A list split at commas and white space. */
    public List<String> getList(String name, String fallback) {
        String v = get(name, fallback);
        return v == null || v.isBlank() ? List.of() : Arrays.stream(v.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    public String hostname() {
        return get("myhostname", "localhost");
    }

    /** Dovecot's {@code login_greeting}. */
    public String greeting() {
        return get("login_greeting", "Tegami ready.");
    }

    /** Dovecot's {@code imap_max_line_length}: the longest command (without APPEND's message). */
    public long maxLineLength() {
        return Math.max(1024, getSize("imap_max_line_length", 65536));
    }

    /** The largest message APPEND takes ({@code message_size_limit}; 0 for no limit, RFC 7889 APPENDLIMIT). */
    public long appendLimit() {
        return Math.max(0, getSize("message_size_limit", 10240000));
    }

    /** Dovecot's {@code auth_mechanisms}, upper case. */
    public List<String> authMechanisms() {
        return getList("auth_mechanisms", "plain login").stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
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

    /** Dovecot's {@code mail_max_userip_connections}; 0 for no limit. */
    public long maxUserIpConnections() {
        return Math.max(0, getSize("mail_max_userip_connections", 10));
    }

    /** Dovecot's {@code imap_idle_notify_interval}: how often IDLE says {@code * OK Still here}. */
    public Duration idleNotifyInterval() {
        return getDuration("imap_idle_notify_interval", Duration.ofMinutes(2));
    }

    /** Dovecot's {@code mailbox_idle_check_interval}: how often IDLE looks for changes made by other processes. */
    public Duration idleCheckInterval() {
        return getDuration("mailbox_idle_check_interval", Duration.ofSeconds(30));
    }

    /**
     * Whether COMPRESS=DEFLATE (RFC 4978) is offered: Dovecot's {@code imap_zlib} plugin (called
     * {@code imap_compress} since Dovecot 2.4) in {@code mail_plugins}, which is empty by default.
     */
    public boolean compressEnabled() {
        for (String plugin : getList("mail_plugins", "")) {
            if (plugin.equals("imap_zlib") || plugin.equals("imap_compress")) {
                return true;
            }
        }
        return false;
    }

    /** The deflate level of COMPRESS output, Dovecot's {@code imap_zlib_compress_level} (1 to 9, default 6). */
    public int compressLevel() {
        return (int) Math.max(1, Math.min(9, getSize("imap_zlib_compress_level", 6)));
    }

    /** Folders created (and subscribed) at login when missing: {@code mailbox_autocreate}. */
    public List<String> autocreate() {
        String v = get("mailbox_autocreate", "Drafts, Sent, Trash, Junk");
        return v == null || v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Dovecot-style special-use configuration ({@code mailbox_special_use}), raw. */
    public String specialUse() {
        return get("mailbox_special_use", "");
    }

    /** Where large literals (APPEND messages) are spooled while they arrive. */
    public Path tempDir() {
        MailParameters main = parameters.get();
        if (main != null) {
            Path data = main.getPath("data_directory").orElse(null);
            if (data != null) {
                return data.resolve("tmp");
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
