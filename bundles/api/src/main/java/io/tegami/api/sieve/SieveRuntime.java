package io.tegami.api.sieve;

import java.util.List;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/** What a command sees while a script runs on one message. Not thread-safe: one per run. */
@ProviderType
public interface SieveRuntime {

    /** The message. */
    SieveMessage message();

    /** The envelope. */
    SieveEnvelope envelope();

    /** The delivery agent's services (mailboxes, duplicate tracking). */
    SieveEnvironment environment();

    /** Whether the running script required this capability. */
    boolean requires(String extension);

    /**
     * Matches values against the keys with the call's {@code :comparator} and match type
     * (defaults {@code i;ascii-casemap} and {@code :is}), recording match variables.
     */
    boolean match(SieveCall call, List<String> values, List<String> keys) throws SieveRuntimeException;

    /**
     * The parts of addresses that the call's address part tag selects ({@code :all} by default),
     * one per address found in the given header values; unparsable values are skipped.
     */
    List<String> addressParts(SieveCall call, List<String> headerValues);

    /** Adds an action, enforcing the limits and the duplicate rules. */
    void addAction(SieveAction action) throws SieveRuntimeException;

    /** The actions added so far. */
    List<SieveAction> actions();

    /** The value of a variable (RFC 5229), empty when unset. */
    String variable(String name);

    /** Sets a variable. */
    void setVariable(String name, String value);

    /** Work to do only if the whole run succeeds (such as remembering a duplicate). */
    void afterSuccess(Runnable task);

    /** State an extension keeps for the duration of one run, created on first use. */
    <T> T state(String key, Supplier<T> initial);
}
