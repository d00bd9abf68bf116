package io.tegami.api.sieve;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Sieve interpreter service: compiles scripts and runs them against messages.
 *
 * <p>Thread-safe: one compiled script may be executed concurrently for many messages.
 */
@ProviderType
public interface SieveEngine {

    /** The capability names of the extensions currently available ({@code fileinto}, ...), sorted. */
    Set<String> extensions();

    /**
     * Parses and validates a script.
     *
     * @param name the script's name as error messages show it ({@code test} for {@code test.sieve})
     * @param text the script text
     * @return the compiled script
     * @throws SieveCompileException with the errors, each with line and column, in Pigeonhole's wording
     */
    SieveScript compile(String name, String text) throws SieveCompileException;

    /**
     * Runs a compiled script on one message. Never throws for script problems: a run-time error
     * (including a limit exceeded) gives a result whose {@link SieveResult#error()} says why and
     * whose only outcome is the implicit keep.
     *
     * @param script a script from {@link #compile}
     * @param message the message, read lazily
     * @param envelope the SMTP envelope as seen by this recipient
     * @param limits the policy limits for this run
     * @return what to do with the message
     */
    default SieveResult execute(SieveScript script, SieveMessage message, SieveEnvelope envelope, SieveLimits limits) {
        return execute(script, message, envelope, limits, SieveEnvironment.NONE);
    }

    /**
     * Runs a compiled script on one message with access to the agent's mailboxes and duplicate
     * store; otherwise as {@link #execute(SieveScript, SieveMessage, SieveEnvelope, SieveLimits)}.
     */
    SieveResult execute(SieveScript script, SieveMessage message, SieveEnvelope envelope, SieveLimits limits,
            SieveEnvironment environment);
}
