package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCommand;
import java.util.List;
import java.util.Map;

/** Base for the commands of this bundle: the syntax as constructor arguments. */
abstract class Command implements SieveCommand {

    private final String name;
    private final boolean test;
    private final List<SieveArgumentType> positional;
    private final int optional;
    private final Map<String, SieveArgumentType> tags;
    private List<String> names = List.of();

    Command(String name, boolean test, List<SieveArgumentType> positional, int optional,
            Map<String, SieveArgumentType> tags) {
        this.name = name;
        this.test = test;
        this.positional = positional;
        this.optional = optional;
        this.tags = tags;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean isTest() {
        return test;
    }

    @Override
    public final List<SieveArgumentType> positional() {
        return positional;
    }

    /** Sets the argument names error messages use; returns this for chaining. */
    Command named(String... argumentNames) {
        this.names = List.of(argumentNames);
        return this;
    }

    @Override
    public final List<String> positionalNames() {
        return names;
    }

    @Override
    public final int optionalPositional() {
        return optional;
    }

    @Override
    public final Map<String, SieveArgumentType> tags() {
        return tags;
    }

    static final SieveArgumentType STRING = SieveArgumentType.STRING;
    static final SieveArgumentType LIST = SieveArgumentType.STRING_LIST;
    static final SieveArgumentType NUMBER = SieveArgumentType.NUMBER;
    static final SieveArgumentType NONE = SieveArgumentType.NONE;
}
