package io.tegami.api.sieve;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * SPI: an action or test command. The engine checks the syntax (tags, positional arguments)
 * against {@link #tags()} and {@link #positional()} before {@link #validate} runs, so that an
 * implementation reads its arguments through {@link SieveCall} without further checks.
 */
@ConsumerType
public interface SieveCommand {

    /** The command's name as scripts write it ({@code fileinto}). */
    String name();

    /** Whether this is a test (used in {@code if}) rather than an action. */
    boolean isTest();

    /** The tags this command accepts itself, mapped to the type of their value. */
    default Map<String, SieveArgumentType> tags() {
        return Map.of();
    }

    /** The positional arguments, in order; the last {@link #optionalPositional()} may be omitted. */
    List<SieveArgumentType> positional();

    /**
     * The names of the positional arguments as error messages show them ({@code address} in
     * "expects a string as argument 1 (address)"); may be shorter than {@link #positional()}.
     */
    default List<String> positionalNames() {
        return List.of();
    }

    /** How many trailing positional arguments are optional. */
    default int optionalPositional() {
        return 0;
    }

    /** Whether the command takes {@code :comparator} and the match types ({@code header}, ...). */
    default boolean matching() {
        return false;
    }

    /** Whether the command takes address parts ({@code address}, {@code envelope}). */
    default boolean addressParts() {
        return false;
    }

    /**
     * Checks what the generic syntax check cannot (such as a valid address in {@code redirect}).
     *
     * @throws SieveCompileException built with {@link SieveCall#error}
     */
    default void validate(SieveCall call) throws SieveCompileException {
    }

    /** Evaluates a test. Only called when {@link #isTest()}. */
    default boolean test(SieveCall call, SieveRuntime runtime) throws SieveRuntimeException {
        throw new SieveRuntimeException(name() + " is not a test");
    }

    /** Performs an action. Only called when not {@link #isTest()}. */
    default void execute(SieveCall call, SieveRuntime runtime) throws SieveRuntimeException {
        throw new SieveRuntimeException(name() + " is not an action");
    }
}
