package io.tegami.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Users with an active Sieve script in Pigeonhole's layout: {@code ~/sieve/main.sieve}, made
 * active by the {@code ~/.dovecot.sieve} link.
 */
final class SieveUsers {

    private SieveUsers() {
    }

    /** Adds each {@code {user, script}} pair to the home (password "secret") with that script active. */
    static void add(TestHome h, String[][] userScripts) {
        for (String[] s : userScripts) {
            h.addUser(s[0], "secret");
            Path userHome = h.home.resolve("data/home").resolve(s[0]);
            try {
                Files.createDirectories(userHome.resolve("sieve"));
                Files.writeString(userHome.resolve("sieve/main.sieve"), s[1], StandardCharsets.UTF_8);
                Files.createSymbolicLink(userHome.resolve(".dovecot.sieve"), Path.of("sieve/main.sieve"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
