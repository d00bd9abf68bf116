package io.tegami.sieve;

import io.tegami.api.sieve.SieveScript;
import java.util.List;
import java.util.Set;

/** A validated syntax tree; never modified after compilation, so runs may share it. */
record CompiledScript(String name, Set<String> requiredExtensions, List<Node> commands,
        List<io.tegami.api.sieve.SieveError> warnings) implements SieveScript {

    CompiledScript(String name, Set<String> requiredExtensions, List<Node> commands) {
        this(name, requiredExtensions, commands, List.of());
    }
}
