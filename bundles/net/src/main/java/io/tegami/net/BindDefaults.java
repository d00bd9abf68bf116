package io.tegami.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tegami.api.config.MailParameters;

/**
 * Where a listener binds when its configuration names no {@code address}: Postfix's
 * {@code inet_interfaces} (with {@code inet_protocols}) for SMTP listeners, as master.cf's
 * {@code smtp inet} services use it, and Dovecot's {@code listen} for every other protocol (IMAP,
 * POP3, ManageSieve), as Dovecot's {@code inet_listener}s do. The result is an address list in
 * the listener's own {@code address} syntax.
 */
final class BindDefaults {

    /** Without parameters (the config bundle away, tests): loopback only, as before these existed. */
    static final String FALLBACK = "127.0.0.1";
    static final String LISTEN = "listen";
    static final String INET_INTERFACES = "inet_interfaces";
    static final String INET_PROTOCOLS = "inet_protocols";

    private BindDefaults() {
    }

    /** The addresses for a listener of {@code protocol}; {@code parameters} may be null. */
    static String addressFor(String protocol, MailParameters parameters) {
        if (parameters == null) {
            return FALLBACK;
        }
        if (protocol.equals("smtp")) {
            return inetInterfaces(parameters.get(INET_INTERFACES, "loopback-only"),
                    parameters.get(INET_PROTOCOLS, "all"), ipv6Loopback());
        }
        String listen = parameters.get(LISTEN, FALLBACK).trim();
        return listen.isEmpty() ? FALLBACK : listen;
    }

    /**
     * Postfix's {@code inet_interfaces}: {@code all}, {@code loopback-only}, or a list of host
     * names and addresses, limited by {@code inet_protocols} ({@code all}, {@code ipv4},
     * {@code ipv6}, or both named).
     *
     * @param hasIpv6Loopback whether {@code ::1} exists here: Postfix drops IPv6 when the host
     *        lacks it rather than failing, and so does loopback-only here
     */
    static String inetInterfaces(String interfaces, String protocols, boolean hasIpv6Loopback) {
        String p = protocols.toLowerCase(Locale.ROOT);
        boolean v4 = p.contains("all") || p.contains("ipv4") || p.isBlank();
        boolean v6 = p.contains("all") || p.contains("ipv6") || p.isBlank();
        String value = interfaces.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "all":
                return v4 && v6 ? "*" : v6 ? "::" : "0.0.0.0";
            case "loopback-only":
                List<String> loopback = new ArrayList<>();
                if (v4) {
                    loopback.add("127.0.0.1");
                }
                if (v6 && (hasIpv6Loopback || !v4)) {
                    loopback.add("::1");
                }
                return String.join(", ", loopback);
            default:
                return value.isEmpty() ? FALLBACK : interfaces.trim();
        }
    }

    private static boolean ipv6Loopback() {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getByName("::1")) != null;
        } catch (SocketException | java.net.UnknownHostException e) {
            return false;
        }
    }
}
