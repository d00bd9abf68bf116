package io.tegami.api.sieve;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One use of a command in a script, with its arguments. At run time, strings come back with
 * variables (RFC 5229) already substituted when the script uses them.
 */
@ProviderType
public interface SieveCall {

    /** The command name. */
    String name();

    /** 1-based line of the command's name. */
    int line();

    /** 1-based column of the command's name. */
    int column();

    /** Whether the tag ({@code :copy}) was given. */
    boolean hasTag(String tag);

    /** The string list following a tag, or null if the tag is absent. */
    List<String> tagStrings(String tag);

    /** The single string following a tag, or null if absent. */
    default String tagString(String tag) {
        List<String> values = tagStrings(tag);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The number following a tag, or {@code fallback} if absent. */
    long tagNumber(String tag, long fallback);

    /** The number of positional arguments given. */
    int positionalCount();

    /** The positional argument at {@code index} as a string list. */
    List<String> strings(int index);

    /** The positional argument at {@code index} as one string. */
    default String string(int index) {
        return strings(index).get(0);
    }

    /** The positional argument at {@code index} as a number. */
    long number(int index);

    /** The nested tests ({@code allof}, {@code anyof}, {@code not}); empty otherwise. */
    List<SieveCall> tests();

    /** Builds a compile error located at this command. */
    SieveCompileException error(String message);

    /**
     * Reports a compile-time warning at this call's location (Pigeonhole's
     * {@code NAME: line L: warning: MESSAGE.}); unlike {@link #error}, compilation goes on and the
     * script is usable. Called from {@link SieveCommand#validate}.
     *
     * @param message Pigeonhole's wording, without the location and the final period
     * @since 1.2
     */
    default void warning(String message) {
    }
}
