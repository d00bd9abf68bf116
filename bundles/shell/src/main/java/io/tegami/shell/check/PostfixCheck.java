package io.tegami.shell.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tegami.api.config.MailParameters;
import io.tegami.shell.postconf.MasterEntries;

/**
 * {@code postfix check}: every check, in postfix-script's order of concerns (configuration
 * values, tables, files and their owners, certificates, ports), reporting through
 * {@link Findings}.
 */
final class PostfixCheck {

    private final MailParameters params;
    private final List<Map<String, Object>> listeners;
    private final String owner;
    private final Instant now;
    private final PortCheck ports;

    /**
     * @param listeners the listener configurations (tegami.listener factory PIDs)
     * @param owner the user Tegami runs as, who should own its files
     */
    PostfixCheck(MailParameters params, List<Map<String, Object>> listeners, String owner, Instant now,
            PortCheck ports) {
        this.params = params;
        this.listeners = listeners;
        this.owner = owner;
        this.now = now;
        this.ports = ports;
    }

    void run(Findings findings) {
        ValueCheck.run(params, findings);
        NetworkCheck.run(params, findings);
        TableCheck.run(params, listenerOptions(), findings);
        PermissionCheck permissions = new PermissionCheck(owner, findings);
        permissions.run(params);
        params.getPath("passwd_file").ifPresent(f -> PasswdFileCheck.check(f, findings));
        for (String[] pair : certificatePairs()) {
            CertificateCheck.check(pair[0], CertificateCheck.path(params.home(), pair[1]),
                    CertificateCheck.path(params.home(), pair[2]), now, permissions, findings);
        }
        ports.check(binds(), findings);
    }

    /** Every listener option, keyed {@code listener/option}, for the table checks. */
    private Map<String, String> listenerOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (Map<String, Object> l : listeners) {
            String name = name(l);
            l.forEach((k, v) -> options.put(name + "/" + k, MasterEntries.text(v)));
        }
        return options;
    }

    /**
     * The certificate/key pairs in use: Postfix's {@code smtpd_tls_cert_file}/{@code _key_file}
     * (the key defaulting to the certificate's file, as in Postfix), Dovecot's
     * {@code ssl_cert}/{@code ssl_key}, and any a listener overrides. Unset: the tls bundle's
     * generated self-signed certificate, nothing to check.
     */
    private Set<String[]> certificatePairs() {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        add(pairs, "smtpd_tls_cert_file", value(null, "smtpd_tls_cert_file"), value(null, "smtpd_tls_key_file"));
        add(pairs, "ssl_cert", value(null, "ssl_cert"), value(null, "ssl_key"));
        for (Map<String, Object> l : listeners) {
            if (l.containsKey("smtpd_tls_cert_file") || l.containsKey("smtpd_tls_key_file")) {
                add(pairs, "listener " + name(l) + ": smtpd_tls_cert_file",
                        value(l, "smtpd_tls_cert_file"), value(l, "smtpd_tls_key_file"));
            }
            if (l.containsKey("ssl_cert") || l.containsKey("ssl_key")) {
                add(pairs, "listener " + name(l) + ": ssl_cert", value(l, "ssl_cert"), value(l, "ssl_key"));
            }
        }
        return new LinkedHashSet<>(pairs.values());
    }

    private static void add(Map<String, String[]> pairs, String what, String cert, String key) {
        if (cert.isBlank()) {
            return;
        }
        String k = key.isBlank() ? cert : key;
        pairs.putIfAbsent(cert + "\n" + k, new String[] {what, cert, k});
    }

    private String value(Map<String, Object> listener, String name) {
        if (listener != null && listener.containsKey(name)) {
            return MasterEntries.text(listener.get(name));
        }
        return params.get(name).orElse("");
    }

    /** Where each listener binds, resolved as the net bundle resolves a missing address. */
    private List<PortCheck.Bind> binds() {
        List<PortCheck.Bind> binds = new ArrayList<>();
        for (Map<String, Object> l : listeners) {
            String protocol = MasterEntries.text(l.get("protocol")).toLowerCase(Locale.ROOT);
            int port;
            try {
                port = Integer.parseInt(MasterEntries.text(l.get("port")));
            } catch (NumberFormatException e) {
                continue; // the net bundle refuses such a listener and logs why
            }
            String address = MasterEntries.text(l.get("address"));
            if (address.isEmpty()) {
                address = protocol.equals("smtp") ? interfaces(params.get("inet_interfaces").orElse("loopback-only"))
                        : params.get("listen").orElse("127.0.0.1");
            }
            for (String host : address.split("[,\\s]+")) {
                if (!host.isEmpty()) {
                    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                    binds.add(new PortCheck.Bind(name(l), h, port));
                }
            }
        }
        return binds;
    }

    private static String interfaces(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> "*";
            case "loopback-only" -> "127.0.0.1";
            default -> value;
        };
    }

    private static String name(Map<String, Object> l) {
        String name = MasterEntries.text(l.get("name"));
        return name.isEmpty() ? MasterEntries.text(l.get("protocol")) : name;
    }
}
