package io.tegami.managesieve.session;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.sieve.SieveScriptLocation;

/**
 * The parameters the ManageSieve server reads, looked up on every use so that a changed value
 * applies to the next command. Dovecot's and Pigeonhole's names; a listener option wins over the
 * main value, as a setting in a Dovecot {@code protocol sieve} block does.
 */
public final class SieveSettings {

    private final Supplier<MailParameters> parameters;
    private final ListenerInfo listener;

    public SieveSettings(Supplier<MailParameters> parameters, ListenerInfo listener) {
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
        String value = main == null ? null : main.get(name).orElse(null);
        return value != null ? value.trim() : fallback;
    }

    private boolean getBoolean(String name, boolean fallback) {
        return switch (get(name, "").toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> fallback;
        };
    }

    public String hostname() {
        return get("myhostname", "localhost");
    }

    /** Dovecot's {@code login_greeting}. */
    public String greeting() {
        return get("login_greeting", "Tegami ready.");
    }

    /** Pigeonhole's {@code managesieve_implementation_string}. */
    public String implementation() {
        return get("managesieve_implementation_string", "Tegami");
    }

    /** Dovecot's {@code auth_mechanisms}. */
    public List<String> authMechanisms() {
        String v = get("auth_mechanisms", "plain login");
        return Arrays.stream(v.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean disablePlaintextAuth() {
        return getBoolean("disable_plaintext_auth", true);
    }

    /** Dovecot's {@code ssl}: {@code no}, {@code yes} or {@code required}. */
    public boolean sslRequired() {
        return get("ssl", "yes").equalsIgnoreCase("required");
    }

    /** Pigeonhole's {@code sieve} location setting. */
    public String location() {
        return get("sieve", SieveScriptLocation.DEFAULT);
    }

    /** Pigeonhole's {@code sieve_max_script_size} (1M); 0 means no limit. */
    public long maxScriptSize() {
        return size("sieve_max_script_size", 1024 * 1024);
    }

    /** Pigeonhole's {@code sieve_quota_max_scripts} (0: no limit). */
    public long maxScripts() {
        return size("sieve_quota_max_scripts", 0);
    }

    /** Pigeonhole's {@code sieve_quota_max_storage} (0: no limit). */
    public long maxStorage() {
        return size("sieve_quota_max_storage", 0);
    }

    /** Pigeonhole's {@code sieve_max_redirects}, for the {@code MAXREDIRECTS} capability. */
    public long maxRedirects() {
        return size("sieve_max_redirects", 4);
    }

    /** Dovecot's {@code mail_max_userip_connections} (10); 0 for no limit. */
    public int maxUserIpConnections() {
        return (int) Math.min(Integer.MAX_VALUE, size("mail_max_userip_connections", 10));
    }

    /** A size in Dovecot's notation ({@code 1M}, {@code 512k}, {@code 100}); a bad value keeps the default. */
    long size(String name, long fallback) {
        return parseSize(get(name, ""), fallback);
    }

    /** Parses {@code 123}, {@code 10k}, {@code 1M}, {@code 2G} (optional {@code B}); {@code fallback} otherwise. */
    public static long parseSize(String text, long fallback) {
        String v = text.strip().toUpperCase(Locale.ROOT);
        if (v.endsWith("B") && v.length() > 1) {
            v = v.substring(0, v.length() - 1).strip();
        }
        long unit = 1;
        if (!v.isEmpty() && "KMGT".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMGT".indexOf(v.charAt(v.length() - 1)) + 1));
            v = v.substring(0, v.length() - 1).strip();
        }
        try {
            long n = Long.parseLong(v);
            return n < 0 ? fallback : Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            return fallback;
        }
    }
}
