package io.tegami.sieve;

import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveTag;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * index (RFC 5260 section 6): {@code :index <n>} and {@code :last} select one header field for
 * header, address and date; the tests apply the selection through {@link #select}.
 */
@Component(service = SieveExtension.class)
public final class IndexExtension implements SieveExtension {

    private static final Set<String> COMMANDS = Set.of("header", "address", "date");

    @Override
    public String name() {
        return "index";
    }

    @Override
    public List<SieveTag> tags() {
        return List.of(new SieveTag(":index", Command.NUMBER, COMMANDS), new SieveTag(":last", Command.NONE, COMMANDS));
    }

    /** The field the call's :index selects (1-based, from the end with :last), or all without :index. */
    static <T> List<T> select(SieveCall call, List<T> fields) {
        if (!call.hasTag(":index")) {
            return fields;
        }
        long n = call.tagNumber(":index", 1);
        long i = call.hasTag(":last") ? fields.size() - n : n - 1;
        return i < 0 || i >= fields.size() || n < 1 ? List.of() : List.of(fields.get((int) i));
    }

    /** Specifying :last without :index is an error (RFC 5260 section 6). */
    static void validate(SieveCall call, String kind) throws SieveCompileException {
        if (call.hasTag(":last") && !call.hasTag(":index")) {
            throw call.error("the :last tag for the " + call.name() + " " + kind
                    + " cannot be specified without the :index tag");
        }
    }
}
