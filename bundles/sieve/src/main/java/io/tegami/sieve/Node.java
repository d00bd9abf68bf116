package io.tegami.sieve;

import io.tegami.api.sieve.SieveAddressPart;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveMatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command or test of the syntax tree. The parser fills the raw arguments; the validator sorts
 * them into tags and positional arguments and resolves the command and its matching options.
 */
final class Node implements SieveCall {

    final String name;
    final int line;
    final int column;
    final List<Arg> args = new ArrayList<>();
    final List<Node> tests = new ArrayList<>();
    /** The block of {@code if}/{@code elsif}/{@code else}, null when the command has none. */
    List<Node> block;

    // Filled by the validator.
    SieveCommand command;
    final Map<String, Arg> tags = new LinkedHashMap<>();
    final List<Arg> positional = new ArrayList<>();
    SieveComparator comparator;
    SieveMatchType matchType;
    SieveAddressPart addressPart;
    /** Where {@link #warning} reports, set by the validator while it validates this node. */
    List<io.tegami.api.sieve.SieveError> warnings;

    Node(String name, int line, int column) {
        this.name = name;
        this.line = line;
        this.column = column;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public int column() {
        return column;
    }

    @Override
    public boolean hasTag(String tag) {
        return tags.containsKey(tag);
    }

    @Override
    public List<String> tagStrings(String tag) {
        return tags.get(tag) instanceof Arg.Str s ? s.values() : null;
    }

    @Override
    public long tagNumber(String tag, long fallback) {
        return tags.get(tag) instanceof Arg.Num n ? n.value() : fallback;
    }

    @Override
    public int positionalCount() {
        return positional.size();
    }

    @Override
    public List<String> strings(int index) {
        return ((Arg.Str) positional.get(index)).values();
    }

    @Override
    public long number(int index) {
        return ((Arg.Num) positional.get(index)).value();
    }

    @Override
    public List<SieveCall> tests() {
        return List.copyOf(tests);
    }

    @Override
    public SieveCompileException error(String message) {
        return new SieveCompileException(line, column, message);
    }

    @Override
    public void warning(String message) {
        if (warnings != null) {
            warnings.add(new io.tegami.api.sieve.SieveError(line, column, message));
        }
    }

    /** "the header test" / "the fileinto command", as Pigeonhole words it. */
    String describe() {
        return "the " + name + (command != null && command.isTest() ? " test" : " command");
    }
}
