package io.tegami.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveScriptLocation;
import io.tegami.api.user.User;
import io.tegami.store.maildir.MaildirStore;

/** The agent over a real Maildir in a temporary home, a recording queue, and a Sieve engine. */
final class SieveHarness {

    final Path root;
    final MapMailParameters parameters;
    final Fakes.Directory directory = new Fakes.Directory();
    final AliasDeliveryTest.Queue queue = new AliasDeliveryTest.Queue();
    final LocalDeliveryAgent agent;
    Instant now = Instant.parse("2024-06-04T10:15:30Z");

    SieveHarness(Path root, SieveEngine engine) {
        this.root = root;
        parameters = MapMailParameters.of(root, "mydestination", "here.test", "myhostname", "mx.here.test",
                "mail_location", "maildir:~/Maildir");
        for (String u : List.of("bob", "carol")) {
            directory.users.put(u, new User(u, -1, -1, root.resolve(u), Map.of()));
        }
        agent = new LocalDeliveryAgent(parameters, new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        agent.bindDirectory(directory);
        agent.bindStore(new MaildirStore(parameters), Map.of("type", "maildir"));
        agent.bindQueue(queue);
        if (engine != null) {
            agent.bindSieve(engine);
        }
    }

    /** Writes bob's script as ~/sieve/NAME.sieve and makes it active. */
    void script(String user, String text) throws IOException {
        SieveScriptLocation l = SieveScriptLocation.of(null, root.resolve(user));
        Files.createDirectories(l.directory());
        Files.writeString(l.script("main"), text);
        if (!Files.isSymbolicLink(l.activeLink())) {
            l.activate("main");
        }
    }

    DeliveryResult deliver(String from, String rcpt, String content) {
        return agent.deliver(new Fakes.Message(Envelope.of(from.isEmpty() ? MailAddress.NULL_SENDER
                : MailAddress.parse(from), List.of(MailAddress.parse(rcpt))), content), MailAddress.parse(rcpt));
    }

    /** The messages of a user's folder ("" for INBOX), with file names (flags) then content. */
    List<String> folder(String user, String folder) throws IOException {
        Path dir = root.resolve(user).resolve("Maildir").resolve(folder.isEmpty() ? "" : "." + folder);
        List<String> out = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            Path d = dir.resolve(sub);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.sorted().toList()) {
                    out.add(sub + "/" + f.getFileName() + "\n" + Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
