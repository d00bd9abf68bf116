package io.tegami.shell.check;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;

/**
 * Checks parameter values against their kind, in the words Postfix's configuration readers use
 * when they refuse a value ({@code bad numerical configuration: NAME = VALUE}, {@code parameter
 * NAME: bad time value or unit: VALUE}, {@code bad boolean configuration: NAME = VALUE}).
 *
 * <p>A parameter's kind is read from its default, which every component's table provides: a
 * number, a time (a number and one of Postfix's units s, m, h, d, w), a size (Dovecot's k, M, G),
 * or yes/no. Values are checked expanded, as the components read them.
 */
final class ValueCheck {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern TIME = Pattern.compile("\\d+[smhdwSMHDW]?");
    private static final Pattern DEFAULT_TIME = Pattern.compile("\\d+[smhdw]");
    private static final Pattern SIZE = Pattern.compile("\\d+\\s*([kKmMgGtT]?[bB]?)");
    private static final Pattern DEFAULT_SIZE = Pattern.compile("\\d+[kKmMgG]");
    private static final Set<String> BOOLEAN = Set.of("yes", "no");
    /** What Tegami's readers accept besides yes and no; Postfix itself does not. */
    private static final Set<String> LENIENT_BOOLEAN = Set.of("true", "false", "on", "off", "1", "0");

    /** Parameters whose default looks like a kind they are not. */
    private static final Map<String, Set<String>> CHOICES = Map.of(
            "ssl", Set.of("yes", "no", "required"));

    enum Kind { NUMBER, TIME, SIZE, BOOLEAN, OTHER }

    private ValueCheck() {
    }

    static void run(MailParameters params, Findings findings) {
        Set<String> names = new TreeSet<>(params.defaults().keySet());
        params.explicit().keySet().stream().filter(n -> n.indexOf('.') < 0).forEach(names::add);
        for (String name : names) {
            String value;
            try {
                value = params.get(name).orElse(null);
            } catch (RuntimeException e) {
                findings.error("parameter " + name + ": " + e.getMessage());
                continue;
            }
            if (value == null) {
                continue;
            }
            String problem = problem(name, params.defaults().get(name), value.trim());
            if (problem != null) {
                findings.error(problem);
            }
        }
    }

    /** Names of times and sizes whose default, 0, would otherwise read as a plain number. */
    private static final Pattern TIME_NAME = Pattern.compile(".*_(period|time|timeout|delay|interval|lifetime)");
    private static final Pattern SIZE_NAME = Pattern.compile("(sieve|quota|imap|mail|mailbox)_.*(storage|size).*");

    /** The kind a parameter's name and default value show. */
    static Kind kindOf(String name, String defaultValue) {
        Kind kind = kindOf(defaultValue);
        if (kind == Kind.NUMBER && TIME_NAME.matcher(name).matches()) {
            return Kind.TIME;
        }
        return kind == Kind.NUMBER && SIZE_NAME.matcher(name).matches() ? Kind.SIZE : kind;
    }

    /** The kind a default value shows. */
    static Kind kindOf(String defaultValue) {
        if (defaultValue == null) {
            return Kind.OTHER;
        }
        String d = defaultValue.trim();
        if (BOOLEAN.contains(d.toLowerCase(Locale.ROOT))) {
            return Kind.BOOLEAN;
        }
        if (NUMBER.matcher(d).matches()) {
            return Kind.NUMBER;
        }
        if (DEFAULT_TIME.matcher(d).matches()) {
            return Kind.TIME;
        }
        return DEFAULT_SIZE.matcher(d).matches() ? Kind.SIZE : Kind.OTHER;
    }

    /** What is wrong with a value, in Postfix's words, or null. */
    static String problem(String name, String defaultValue, String value) {
        Set<String> choices = CHOICES.get(name);
        if (choices != null) {
            return choices.contains(value.toLowerCase(Locale.ROOT)) ? null
                    : "bad configuration: " + name + " = " + value + " (expected one of " + new TreeSet<>(choices) + ")";
        }
        return switch (kindOf(name, defaultValue)) {
            case BOOLEAN -> BOOLEAN.contains(value.toLowerCase(Locale.ROOT))
                    || LENIENT_BOOLEAN.contains(value.toLowerCase(Locale.ROOT)) ? null
                    : "bad boolean configuration: " + name + " = " + value;
            case NUMBER -> NUMBER.matcher(value).matches() && fitsLong(value) ? null
                    : "bad numerical configuration: " + name + " = " + value;
            case TIME -> TIME.matcher(value).matches() && fitsLong(value.replaceAll("\\D", "")) ? null
                    : "parameter " + name + ": bad time value or unit: " + value;
            case SIZE -> SIZE.matcher(value).matches() ? null
                    : "bad size configuration: " + name + " = " + value;
            default -> null;
        };
    }

    private static boolean fitsLong(String digits) {
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
