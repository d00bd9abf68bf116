package io.tegami.smtp.restriction;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.tegami.api.table.LookupTables;
import io.tegami.smtp.session.ClientNetworks;
import io.tegami.smtp.session.SmtpSettings;

/**
 * The Postfix parameters of SMTP access control, read through {@link SmtpSettings} so that a
 * listener option (master.cf {@code -o}) wins over main.cf. Fallbacks are Postfix 3.x's defaults
 * at the current compatibility level ({@code relay_domains} empty, relay restrictions evaluated
 * before recipient restrictions).
 */
final class RestrictionSettings {

    /** Postfix 3's {@code smtpd_relay_restrictions} default. */
    static final String RELAY_DEFAULT = "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination";

    private static final String PARENT_DEFAULT = "debug_peer_list,fast_flush_domains,mynetworks,"
            + "permit_mx_backup_networks,qmqpd_authorized_clients,relay_domains,smtpd_access_maps";

    private final SmtpSettings settings;
    private final Path home;

    /**
     * @param settings the session's settings (main.cf with the listener's overrides)
     * @param home the directory relative table file names are resolved against (Tegami's home)
     */
    RestrictionSettings(SmtpSettings settings, Path home) {
        this.settings = settings;
        this.home = home;
    }

    /** Tegami's home, for relative table file names. */
    Path home() {
        return home;
    }

    /** A restriction list, split as Postfix splits it (commas, blanks, {@code {...}} kept whole). */
    List<String> restrictions(String name, String fallback) {
        String value = settings.get(name, fallback);
        return value == null ? List.of() : LookupTables.split(value);
    }

    /** The restrictions a {@code smtpd_restriction_classes} name stands for, or {@code null}. */
    List<String> restrictionClass(String name) {
        for (String known : list("smtpd_restriction_classes", "")) {
            if (known.equals(name)) {
                return restrictions(name, "");
            }
        }
        return null;
    }

    String get(String name, String fallback) {
        return settings.get(name, fallback);
    }

    boolean flag(String name, boolean fallback) {
        return settings.getBoolean(name, fallback);
    }

    /** A reply code parameter ({@code access_map_reject_code}...). */
    int code(String name, int fallback) {
        return (int) settings.getLong(name, fallback);
    }

    /** A list parameter split at commas and blanks, braces kept together. */
    List<String> list(String name, String fallback) {
        String value = settings.get(name, fallback);
        return value == null || value.isBlank() ? List.of() : LookupTables.split(value);
    }

    boolean delayReject() {
        return flag("smtpd_delay_reject", true);
    }

    boolean saslEnabled() {
        return settings.saslEnabled();
    }

    ClientNetworks mynetworks() {
        String value = settings.get("mynetworks", MYNETWORKS_DEFAULT);
        Networks cached = lastNetworks;
        if (value != null && cached != null && cached.value().equals(value)) {
            return cached.networks();
        }
        ClientNetworks parsed = ClientNetworks.parse(settings.getList("mynetworks", MYNETWORKS_DEFAULT));
        if (value != null) {
            lastNetworks = new Networks(value, parsed);
        }
        return parsed;
    }

    private static final String MYNETWORKS_DEFAULT = "127.0.0.0/8 [::1]/128";

    /** The last {@code mynetworks} value and its networks: it is read for every MAIL and RCPT, and splitting it showed in profiles. */
    private record Networks(String value, ClientNetworks networks) {
    }

    private static volatile Networks lastNetworks;

    List<String> mydestination() {
        return settings.mydestination();
    }

    String myorigin() {
        return settings.myorigin();
    }

    String myhostname() {
        return settings.myhostname();
    }

    String mydomain() {
        String host = myhostname();
        int dot = host.indexOf('.');
        return settings.get("mydomain", dot > 0 ? host.substring(dot + 1) : "localdomain");
    }

    String recipientDelimiter() {
        return settings.recipientDelimiter();
    }

    /** Whether {@code feature} ({@code smtpd_access_maps}, {@code relay_domains}) matches subdomains. */
    boolean parentMatchesSubdomains(String feature) {
        for (String f : list("parent_domain_matches_subdomains", PARENT_DEFAULT)) {
            if (f.equalsIgnoreCase(feature)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code unknown_address_tempfail_action} or {@code unknown_helo_hostname_tempfail_action}
     * (both default to {@code $reject_tempfail_action}): true for {@code defer_if_permit}, false
     * for {@code defer}.
     */
    boolean tempfailDefersIfPermit(String name) {
        String action = settings.get(name, null);
        if (action == null || action.isBlank()) {
            action = settings.get("reject_tempfail_action", "defer_if_permit");
        }
        return !action.trim().toLowerCase(Locale.ROOT).equals("defer");
    }

    /** Postfix's {@code local_recipient_maps}: Tegami's user directory unless set to empty. */
    boolean localRecipientMaps() {
        String value = settings.get("local_recipient_maps", "user directory");
        return value != null && !value.isBlank();
    }

    String doubleBounceSender() {
        return settings.get("double_bounce_sender", "double-bounce");
    }
}
