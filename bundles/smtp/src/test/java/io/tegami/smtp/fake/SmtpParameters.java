package io.tegami.smtp.fake;

import java.nio.file.Path;

import io.tegami.api.config.testing.MapMailParameters;

/** Presets of the shared {@link MapMailParameters} for the SMTP tests; the server reads no paths. */
public final class SmtpParameters {

    private SmtpParameters() {
    }

    /** Nothing set: every setting is SmtpSettings' fallback. */
    public static MapMailParameters empty() {
        return new MapMailParameters(Path.of("."));
    }

    /** The set-up most tests use: host "host", alice as the local user's domain "localhost". */
    public static MapMailParameters standard() {
        return empty()
                .set("myhostname", "host")
                .set("mydomain", "example.org")
                .set("myorigin", "host")
                .set("mydestination", "host, localhost.example.org, localhost");
    }
}
