package io.tegami.tls;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerInfo;

/**
 * The TLS settings that apply to one listener: its own options (master.cf {@code -o} style, e.g.
 * {@code smtpd_tls_cert_file} on the smtps listener), else the global parameters.
 *
 * @param params the global parameters
 * @param options the listener's options; empty for global settings
 * @param smtp whether the listener speaks SMTP, so that Postfix's names come first
 */
record ListenerSettings(MailParameters params, Map<String, String> options, boolean smtp) {

    /** Settings of a listener, or the global ones when {@code listener} is null. */
    static ListenerSettings of(MailParameters params, ListenerInfo listener) {
        if (listener == null) {
            return new ListenerSettings(params, Map.of(), true);
        }
        return new ListenerSettings(params, listener.options(), listener.protocol().equalsIgnoreCase("smtp"));
    }

    /** A listener option, as written (no {@code $name} expansion). */
    Optional<String> local(String name) {
        return nonEmpty(options.get(name));
    }

    /** A global parameter, expanded. */
    Optional<String> global(String name) {
        return params.get(name).flatMap(ListenerSettings::nonEmpty);
    }

    /** The listener's option, else the global parameter. */
    Optional<String> get(String name) {
        return local(name).or(() -> global(name));
    }

    /** A file name as a path; relative names are relative to Tegami's home. */
    Path path(String value) {
        return params.home().resolve(value);
    }

    private static Optional<String> nonEmpty(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
