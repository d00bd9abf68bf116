package io.tegami.sieve;

import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed script against the available extensions (RFC 5228 section 8.3 and each
 * extension's rules), resolving commands, tags, comparators and match types into the nodes.
 * Error texts follow Pigeonhole's validator.
 */
final class Validator {

    private final Registry registry;
    private final Set<String> required = new LinkedHashSet<>();
    private final List<SieveError> errors = new ArrayList<>();
    private final List<SieveError> warnings = new ArrayList<>();
    private final Set<String> unknownReported = new HashSet<>();
    private final ArgumentChecker checker;

    Validator(Registry registry) {
        this.registry = registry;
        this.checker = new ArgumentChecker(registry, required);
    }

    /** The warnings found by {@link #validate}, in script order. */
    List<SieveError> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Validates the script; returns the required capabilities. As Pigeonhole does, validation goes
     * on after an error so that one run reports every error of the script, in order.
     */
    Set<String> validate(List<Node> script) throws SieveCompileException {
        int i = 0;
        for (; i < script.size() && script.get(i).name.equals("require"); i++) {
            try {
                require(script.get(i));
            } catch (SieveCompileException e) {
                errors.addAll(e.errors());
            }
        }
        block(script.subList(i, script.size()));
        if (!errors.isEmpty()) {
            throw new SieveCompileException(errors);
        }
        return required;
    }

    private void require(Node node) throws SieveCompileException {
        missingSemicolon(node, "command");
        if (node.block != null) {
            throw node.error("the require command does not accept a command block, but one is specified anyway");
        }
        if (node.args.size() != 1 || !(node.args.get(0) instanceof Arg.Str s) || !node.tests.isEmpty()) {
            throw node.error("the require command expects a string list as argument 1 (capabilities)");
        }
        for (String cap : s.values()) {
            if (!registry.has(cap)) {
                throw node.error("require command: unknown Sieve capability `" + cap + "'");
            }
            required.add(cap);
        }
        if (required.contains("encoded-character")) {
            EncodedCharacters.decodeAll(List.of(node));
        }
    }

    private void block(List<Node> commands) throws SieveCompileException {
        if (required.contains("encoded-character")) {
            EncodedCharacters.decodeAll(commands);
        }
        String previous = null;
        for (Node node : commands) {
            try {
                switch (node.name) {
                    case "require" -> throw node.error(
                            "require commands can only be placed at top level at the beginning of the file");
                    case "if", "elsif", "else" -> conditional(node, previous);
                    case "stop" -> simpleControl(node);
                    default -> command(node, false);
                }
            } catch (SieveCompileException e) {
                errors.addAll(e.errors());
            }
            previous = node.name;
        }
    }

    private void conditional(Node node, String previous) throws SieveCompileException {
        if (!node.name.equals("if") && !"if".equals(previous) && !"elsif".equals(previous)) {
            throw node.error("the " + node.name + " command must follow an if or elseif command");
        }
        if (!node.args.isEmpty()) {
            throw node.error("the " + node.name + " command requires 0 positional argument(s), but "
                    + node.args.size() + " is/are specified");
        }
        boolean wantsTest = !node.name.equals("else");
        if (wantsTest && node.tests.size() != 1) {
            throw node.error("the " + node.name + " command requires one test, but "
                    + (node.tests.isEmpty() ? "none is" : "more are") + " specified");
        }
        if (!wantsTest && !node.tests.isEmpty()) {
            throw node.error("the else command accepts no tests, but tests are specified anyway");
        }
        if (node.block == null) {
            throw node.error("the " + node.name + " command requires a command block, but it is missing");
        }
        for (Node test : node.tests) {
            test(test);
        }
        block(node.block);
    }

    /** Tests after a command that takes none: a forgotten ';' before the next command. */
    private static void missingSemicolon(Node node, String kind) throws SieveCompileException {
        if (!node.tests.isEmpty()) {
            throw node.error("missing semicolon ';' after " + node.name + " " + kind);
        }
    }

    private void simpleControl(Node node) throws SieveCompileException {
        missingSemicolon(node, "command");
        if (!node.args.isEmpty() || !node.tests.isEmpty()) {
            throw node.error("the " + node.name + " command requires 0 positional argument(s), but "
                    + node.args.size() + " is/are specified");
        }
        if (node.block != null) {
            throw node.error("the " + node.name + " command does not accept a command block, but one is specified anyway");
        }
    }

    private void test(Node node) throws SieveCompileException {
        switch (node.name) {
            case "allof", "anyof" -> {
                if (node.tests.isEmpty()) {
                    throw node.error("the " + node.name + " test requires a test list, but none is specified");
                }
                noArguments(node, "test");
                for (Node t : node.tests) {
                    test(t);
                }
            }
            case "not" -> {
                if (node.tests.size() != 1) {
                    throw node.error("the not test requires one sub-test, but none is specified");
                }
                noArguments(node, "test");
                test(node.tests.get(0));
            }
            case "true", "false" -> noArguments(node, "test");
            default -> command(node, true);
        }
    }

    private void noArguments(Node node, String kind) throws SieveCompileException {
        if (!node.args.isEmpty()) {
            throw node.error("the " + node.name + " " + kind + " requires 0 positional argument(s), but "
                    + node.args.size() + " is/are specified");
        }
    }

    private void command(Node node, boolean asTest) throws SieveCompileException {
        Registry.Owned<SieveCommand> owned = registry.command(node.name);
        boolean control = List.of("if", "elsif", "else", "stop", "require", "allof", "anyof", "not", "true", "false")
                .contains(node.name);
        if (control || (owned != null && (owned.extension().isEmpty() || required.contains(owned.extension())))) {
            boolean isTest = control ? List.of("allof", "anyof", "not", "true", "false").contains(node.name)
                    : owned.item().isTest();
            if (isTest && !asTest) {
                throw node.error("attempted to use test '" + node.name + "' as command");
            }
            if (!isTest && asTest) {
                throw node.error("attempted to use command '" + node.name + "' as test");
            }
        } else {
            if (!unknownReported.add(node.name)) {
                throw new SieveCompileException(List.of()); // reported at its first occurrence
            }
            throw node.error("unknown " + (asTest ? "test" : "command") + " '" + node.name
                    + "' (only reported once at first occurrence)");
        }
        SieveCommand command = owned.item();
        node.command = command;
        missingSemicolon(node, asTest ? "test" : "command");
        if (!asTest && node.block != null) {
            throw node.error(node.describe() + " does not accept a command block, but one is specified anyway");
        }
        checker.check(node);
        node.warnings = warnings;
        try {
            command.validate(node);
        } finally {
            node.warnings = null; // compiled nodes are shared read-only
        }
    }
}
