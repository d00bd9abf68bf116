package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveMatchType;
import java.util.List;
import java.util.Set;

/**
 * Sorts a command's raw arguments into tags and positional arguments and checks their types:
 * the command's own tags, extension tags, {@code :comparator}, match types and address parts.
 */
final class ArgumentChecker {

    private final Registry registry;
    private final Set<String> required;

    ArgumentChecker(Registry registry, Set<String> required) {
        this.registry = registry;
        this.required = required;
    }

    private boolean usable(String extension) {
        return extension.isEmpty() || required.contains(extension);
    }

    void check(Node node) throws SieveCompileException {
        SieveCommand command = node.command;
        List<Arg> args = node.args;
        for (int i = 0; i < args.size(); i++) {
            Arg arg = args.get(i);
            if (!(arg instanceof Arg.Tag tag)) {
                node.positional.add(arg);
                continue;
            }
            String name = tag.name();
            SieveArgumentType valueType = null;
            if (command.tags().containsKey(name)) {
                valueType = command.tags().get(name);
            } else if (registry.tag(name, node.name) != null && usable(registry.tag(name, node.name).extension())) {
                valueType = registry.tag(name, node.name).item().value();
            } else if (command.matching() && name.equals(":comparator")) {
                duplicate(node, "COMPARATOR", name, node.comparator != null);
                valueType = SieveArgumentType.STRING;
            } else if (command.matching() && registry.matchType(name) != null
                    && usable(registry.matchType(name).extension())) {
                SieveMatchType mt = registry.matchType(name).item();
                duplicate(node, "MATCH-TYPE", name, node.matchType != null);
                node.matchType = mt;
                valueType = mt.argument();
            } else if (command.addressParts() && registry.addressPart(name) != null
                    && usable(registry.addressPart(name).extension())) {
                duplicate(node, "ADDRESS-PART", name, node.addressPart != null);
                node.addressPart = registry.addressPart(name).item();
                valueType = SieveArgumentType.NONE;
            } else {
                throw new SieveCompileException(tag.line(), tag.column(), "unknown tagged argument '" + name
                        + "' for " + node.describe() + " (reported only once at first occurrence)");
            }
            if (node.tags.containsKey(name)) {
                throw new SieveCompileException(tag.line(), tag.column(),
                        "encountered duplicate tag '" + name + "' for " + node.describe());
            }
            Arg value = null;
            if (valueType != SieveArgumentType.NONE) {
                if (i + 1 >= args.size() || !fits(args.get(i + 1), valueType)) {
                    String found = i + 1 >= args.size() ? "none" : "a " + args.get(i + 1).describe();
                    throw new SieveCompileException(tag.line(), tag.column(), "the " + name + " tag for "
                            + node.describe() + " requires " + typeName(valueType) + " as argument, but "
                            + found + " was found");
                }
                value = args.get(++i);
            }
            node.tags.put(name, value);
            if (name.equals(":comparator")) {
                comparator(node, (Arg.Str) value);
            }
        }
        positional(node);
        SieveComparator cmp = node.comparator;
        if (node.matchType != null && node.matchType.needsSubstring() && cmp != null && !cmp.substringMatching()) {
            throw node.error("the specified " + cmp.name() + " comparator does not support sub-string matching"
                    + " as required by the " + node.matchType.tag() + " match type");
        }
    }

    private void comparator(Node node, Arg.Str value) throws SieveCompileException {
        Registry.Owned<SieveComparator> owned = registry.comparator(value.values().get(0));
        if (owned == null || !usable(owned.extension())) {
            throw new SieveCompileException(value.line(), value.column(),
                    "unknown comparator '" + value.values().get(0) + "'");
        }
        node.comparator = owned.item();
    }

    private static void duplicate(Node node, String kind, String tag, boolean seen) throws SieveCompileException {
        if (seen) {
            throw node.error("encountered duplicate " + kind + " argument (" + tag + ") for " + node.describe());
        }
    }

    private void positional(Node node) throws SieveCompileException {
        List<SieveArgumentType> types = node.command.positional();
        int min = types.size() - node.command.optionalPositional();
        int n = node.positional.size();
        if (n < min || n > types.size()) {
            throw node.error(node.describe() + " requires " + types.size() + " positional argument(s), but "
                    + n + " is/are specified");
        }
        for (int i = 0; i < n; i++) {
            Arg arg = node.positional.get(i);
            if (!fits(arg, types.get(i))) {
                List<String> names = node.command.positionalNames();
                String argName = i < names.size() ? " (" + names.get(i) + ")" : "";
                throw new SieveCompileException(arg.line(), arg.column(), node.describe() + " expects "
                        + typeName(types.get(i)) + " as argument " + (i + 1) + argName + ", but a "
                        + arg.describe() + " was found");
            }
        }
    }

    private static boolean fits(Arg arg, SieveArgumentType type) {
        return switch (type) {
            case STRING -> arg instanceof Arg.Str s && !s.list();
            case STRING_LIST -> arg instanceof Arg.Str;
            case NUMBER -> arg instanceof Arg.Num;
            case NONE -> false;
        };
    }

    private static String typeName(SieveArgumentType type) {
        return switch (type) {
            case STRING -> "a string";
            case STRING_LIST -> "a string list";
            case NUMBER -> "a number";
            case NONE -> "nothing";
        };
    }
}
