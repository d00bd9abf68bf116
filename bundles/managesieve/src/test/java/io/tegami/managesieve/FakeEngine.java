package io.tegami.managesieve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.sieve.SieveError;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveScript;

/**
 * A Sieve engine for the tests: every line containing {@code bogus} is an error
 * ({@code unknown command 'bogus'}), every line containing {@code warnme} a warning; it records the names it compiled and never runs scripts.
 */
final class FakeEngine implements SieveEngine {

    final List<String> compiled = new ArrayList<>();

    @Override
    public Set<String> extensions() {
        return new TreeSet<>(Set.of("fileinto", "vacation", "enotify"));
    }

    @Override
    public SieveScript compile(String name, String text) throws SieveCompileException {
        compiled.add(name);
        List<SieveError> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf("bogus");
            if (col >= 0) {
                errors.add(new SieveError(i + 1, col + 1, "unknown command 'bogus'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new SieveCompileException(errors);
        }
        List<SieveError> warnings = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("warnme")) {
                warnings.add(new SieveError(i + 1, 1, "this is a warning"));
            }
        }
        return new SieveScript() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> requiredExtensions() {
                return Set.of();
            }

            @Override
            public List<SieveError> warnings() {
                return warnings;
            }
        };
    }

    @Override
    public SieveResult execute(SieveScript script, SieveMessage message, SieveEnvelope envelope, SieveLimits limits,
            SieveEnvironment environment) {
        throw new UnsupportedOperationException();
    }
}
