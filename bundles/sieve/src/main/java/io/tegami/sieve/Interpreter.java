package io.tegami.sieve;

import io.tegami.api.sieve.SieveRuntimeException;
import java.util.List;

/** Walks the validated tree: control structure here, everything else through the commands' SPI. */
final class Interpreter {

    /**
     * Thrown by {@code stop} to end every script (RFC 5228 section 3.3, RFC 6609 section 3.2);
     * a run-time exception of the SPI so that it crosses include's command implementation.
     */
    static final class Stop extends SieveRuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null);
        }
    }

    /** Thrown by {@code return} (RFC 6609 section 3.2) to end the current script only. */
    static final class Return extends SieveRuntimeException {
        private static final long serialVersionUID = 1L;

        Return() {
            super(null);
        }
    }

    private final Run run;
    /** The line of the command or test being evaluated, for error messages. */
    private int line;

    Interpreter(Run run) {
        this.run = run;
    }

    /** The line of the command that was running when the run failed. */
    int line() {
        return line;
    }

    /** Runs the script's commands until the end or {@code stop}. */
    void execute(List<Node> script) throws SieveRuntimeException {
        try {
            block(script);
        } catch (Stop | Return end) {
            // normal end
        }
    }

    /** Runs an included script: {@code return} ends it, {@code stop} propagates to the top. */
    void executeIncluded(List<Node> script) throws SieveRuntimeException {
        try {
            block(script);
        } catch (Return end) {
            // back to the including script
        }
    }

    private void block(List<Node> commands) throws SieveRuntimeException {
        // Whether the preceding if/elsif chain already ran a branch.
        boolean chainTaken = false;
        for (Node node : commands) {
            line = node.line;
            run.checkCpu();
            switch (node.name) {
                case "require" -> {
                }
                case "stop" -> throw new Stop();
                case "if" -> {
                    chainTaken = test(node.tests.get(0));
                    if (chainTaken) {
                        block(node.block);
                    }
                }
                case "elsif" -> {
                    if (!chainTaken) {
                        chainTaken = test(node.tests.get(0));
                        if (chainTaken) {
                            block(node.block);
                        }
                    }
                }
                case "else" -> {
                    if (!chainTaken) {
                        block(node.block);
                    }
                    chainTaken = true;
                }
                default -> node.command.execute(new RuntimeCall(node, run), run);
            }
        }
    }

    private boolean test(Node node) throws SieveRuntimeException {
        line = node.line;
        run.checkCpu();
        switch (node.name) {
            case "true":
                return true;
            case "false":
                return false;
            case "not":
                return !test(node.tests.get(0));
            case "allof":
                for (Node t : node.tests) {
                    if (!test(t)) {
                        return false;
                    }
                }
                return true;
            case "anyof":
                for (Node t : node.tests) {
                    if (test(t)) {
                        return true;
                    }
                }
                return false;
            default:
                return node.command.test(new RuntimeCall(node, run), run);
        }
    }
}
