package io.tegami.sieve;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Includes of one run (RFC 6609): scripts come from the delivery agent's environment, are
 * compiled once per run, run in their own variable scope, and may not recurse.
 */
final class Includes {

    /** Pigeonhole's sieve_include_max_nesting_depth. */
    static final int MAX_DEPTH = 10;

    private final SieveEngineImpl engine;
    private final Run run;
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> done = new HashSet<>();
    private final Map<String, CompiledScript> compiled = new HashMap<>();

    Includes(SieveEngineImpl engine, Run run) {
        this.engine = engine;
        this.run = run;
    }

    void include(String name, boolean global, boolean once, boolean optional) throws SieveRuntimeException {
        String location = global ? "global" : "personal";
        String key = location + ":" + name;
        if (once && done.contains(key)) {
            return;
        }
        if (stack.contains(key)) {
            throw new SieveRuntimeException("circular include of " + location + " script '" + name + "'");
        }
        if (stack.size() >= MAX_DEPTH) {
            throw new SieveRuntimeException("cannot nest includes deeper than " + MAX_DEPTH + " levels");
        }
        CompiledScript script = compiled.get(key);
        if (script == null) {
            String text = run.environment().includeScript(name, global);
            if (text == null) {
                if (optional) {
                    return;
                }
                throw new SieveRuntimeException("included " + location + " script '" + name + "' does not exist");
            }
            try {
                script = (CompiledScript) engine.compile(name, text);
            } catch (SieveCompileException e) {
                throw new SieveRuntimeException("failed to compile included " + location + " script '" + name
                        + "': " + e.errors().get(0).format(name));
            }
            compiled.put(key, script);
        }
        done.add(key);
        stack.push(key);
        Run.Scope previous = run.enter(script.requiredExtensions());
        try {
            new Interpreter(run).executeIncluded(script.commands());
        } finally {
            run.leave(previous);
            stack.pop();
        }
    }
}
