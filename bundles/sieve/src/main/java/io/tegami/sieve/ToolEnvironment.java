package io.tegami.sieve;

import io.tegami.api.config.MailParameters;
import io.tegami.api.sieve.SieveEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code sieve-test} offers a script beyond the message, as Pigeonhole's sieve-test: a
 * personal {@code include} is {@code NAME.sieve} next to the script file, a global one is in the
 * {@code sieve_global} directory (relative to Tegami's home) when that is set. No mailbox exists
 * and nothing was seen before: the tool touches no user's data.
 */
final class ToolEnvironment implements SieveEnvironment {

    private final Path scriptDir;
    private final MailParameters parameters;

    ToolEnvironment(Path scriptDir, MailParameters parameters) {
        this.scriptDir = scriptDir;
        this.parameters = parameters;
    }

    @Override
    public String includeScript(String name, boolean global) {
        Path dir = global ? parameters.get("sieve_global").map(d -> parameters.home().resolve(d.trim())).orElse(null)
                : scriptDir;
        if (dir == null) {
            return null;
        }
        try {
            return Files.readString(dir.resolve(name + ".sieve"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // the include extension reports the missing script in Pigeonhole's words
        }
    }
}
