package io.tegami.canonical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteContext;

/** Parameters for a host {@code mail.example.com} in {@code example.com}, and table files in a temp dir. */
final class Fixture {

    final Path home;
    final MapMailParameters parameters;

    Fixture(Path home) {
        this.home = home;
        this.parameters = MapMailParameters.of(home,
                "myhostname", "mail.example.com",
                "mydomain", "example.com",
                "myorigin", "$myhostname",
                "mydestination", "$myhostname, localhost.$mydomain, localhost",
                "inet_interfaces", "loopback-only");
    }

    Fixture set(String name, String value) {
        parameters.set(name, value);
        return this;
    }

    /** Writes a table file under the home and returns its spec, {@code type:/abs/path}. */
    String table(String type, String name, String... lines) {
        try {
            Path file = home.resolve(name);
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return type + ":" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageContext message(RewriteContext context) {
        return new MessageContext("4A1B2C3D4E", new Envelope(MailAddress.parse("x@example.com"),
                List.of(MailAddress.parse("y@example.com")), Map.of()), context);
    }
}
