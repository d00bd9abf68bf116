package io.tegami.sieve;

/**
 * Variable substitution in strings (RFC 5229 section 3): {@code ${name}}, {@code ${ns.name}} and
 * match variables {@code ${1}}; a reference that is not well-formed stays as written.
 */
final class Expander {

    private Expander() {
    }

    static String expand(String s, Run run) {
        int start = s.indexOf("${");
        if (start < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int pos = 0;
        while (start >= 0) {
            int end = s.indexOf('}', start + 2);
            if (end < 0) {
                break;
            }
            String name = s.substring(start + 2, end);
            String value = resolve(name, run);
            if (value == null) {
                // Not a reference: copy "${" and rescan after it, so "${${a}}" still expands the inner one.
                out.append(s, pos, start + 2);
                pos = start + 2;
            } else {
                out.append(s, pos, start).append(value);
                pos = end + 1;
            }
            start = s.indexOf("${", pos);
        }
        return out.append(s, pos, s.length()).toString();
    }

    private static String resolve(String name, Run run) {
        if (name.isEmpty()) {
            return null;
        }
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                return run.matchVariable(Integer.parseInt(name));
            } catch (NumberFormatException e) {
                return "";
            }
        }
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return null;
            }
        }
        return run.variable(name);
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
