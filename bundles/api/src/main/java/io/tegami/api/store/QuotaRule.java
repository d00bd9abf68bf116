package io.tegami.api.store;

import java.util.Locale;

/**
 * One Dovecot quota rule, {@code <mailbox mask>:<limits>} as in {@code quota_rule = *:storage=1G}
 * or {@code quota_rule2 = Trash:storage=+100M}, parsed exactly as Dovecot's quota plugin does:
 * <ul>
 * <li>the mask {@code *} is the user's default rule (its limits override a backend's, such as a
 * {@code maildirsize} file's), {@code ?} a default that yields to the backend's, anything else a
 * mailbox rule matched with {@code *} and {@code ?} wildcards; {@code INBOX} without case;</li>
 * <li>limits are {@code storage=N} (kibibytes unless a unit follows: {@code b k M G T}, and
 * {@code %} of the default rule for mailbox rules), {@code bytes=N} (bytes), {@code messages=N},
 * separated by {@code :}; mailbox rules add to the default ({@code +100M}, or {@code -});</li>
 * <li>{@code <mask>:ignore} leaves the mailbox out of the quota; {@code <mask>:backend=<S,C>}
 * gives Maildir++ limits ({@code 1024S,100C}, or {@code NOQUOTA}).</li>
 * </ul>
 *
 * @param mask the mailbox mask, {@code *} or {@code ?} for the default rule
 * @param ignore whether the mailbox is left out of the quota
 * @param bytes the bytes limit (default rule) or the bytes to add (mailbox rule)
 * @param messages the messages limit, or the messages to add
 * @param bytesPercent a mailbox rule's storage as a percentage of the default's, or 0
 * @param messagesPercent a mailbox rule's messages as a percentage of the default's, or 0
 * @since 2.2
 */
public record QuotaRule(String mask, boolean ignore, long bytes, long messages, int bytesPercent,
        int messagesPercent) {

    /** Whether this is a default rule ({@code *} or {@code ?}). */
    public boolean isDefault() {
        return mask.equals("*") || mask.equals("?");
    }

    /**
     * Parses a rule.
     *
     * @throws IllegalArgumentException with Dovecot's reason for a rule it would refuse
     */
    public static QuotaRule parse(String definition) {
        return parse(definition, null);
    }

    /**
     * Parses a rule that updates {@code base}, an earlier rule of the same mask: limits it does
     * not name keep their earlier values ({@code *:storage=1G} then {@code *:messages=100} give
     * both limits), as in Dovecot, where rules of one mask change one rule.
     *
     * @param base the earlier rule of this mask, or null
     * @throws IllegalArgumentException with Dovecot's reason for a rule it would refuse
     */
    public static QuotaRule parse(String definition, QuotaRule base) {
        String def = definition.trim();
        int colon = def.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Invalid rule: " + def);
        }
        String mask = def.substring(0, colon);
        if (mask.equalsIgnoreCase("INBOX")) {
            mask = "INBOX";
        }
        String limits = def.substring(colon + 1);
        if (limits.equals("ignore")) {
            return new QuotaRule(mask, true, 0, 0, 0, 0);
        }
        boolean relative = !mask.equals("*") && !mask.equals("?");
        if (limits.startsWith("backend=")) {
            long[] sc = maildirLimits(limits.substring(8));
            return new QuotaRule(mask, false, sc[0], sc[1], 0, 0);
        }
        boolean keep = base != null && !base.ignore();
        long bytes = keep ? base.bytes() : 0;
        long messages = keep ? base.messages() : 0;
        int bytesPercent = keep ? base.bytesPercent() : 0;
        int messagesPercent = keep ? base.messagesPercent() : 0;
        for (String arg : limits.split(":", -1)) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            if (value.startsWith("+")) {
                if (!relative) {
                    throw new IllegalArgumentException("Rule limit cannot have '+'");
                }
                value = value.substring(1);
            }
            long multiply;
            switch (key) {
                case "storage" -> multiply = 1024;
                case "bytes", "messages" -> multiply = 1;
                default -> throw new IllegalArgumentException("Unknown rule limit name: " + key);
            }
            int end = numberEnd(value);
            if (end == 0 || (end == 1 && value.charAt(0) == '-')) {
                throw new IllegalArgumentException("Invalid " + key + " limit: " + value);
            }
            long n;
            try {
                n = Long.parseLong(value.substring(0, end));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid " + key + " limit: " + value);
            }
            String unit = value.substring(end);
            if (unit.startsWith("%")) {
                if (!relative) {
                    throw new IllegalArgumentException("Default rule can't be a percentage");
                }
                if (n <= -100 || n >= 0xffffffffL) {
                    throw new IllegalArgumentException("Invalid percentage");
                }
                if (key.equals("messages")) {
                    messagesPercent = (int) n;
                } else {
                    bytesPercent = (int) n;
                }
                continue;
            }
            long v = Math.multiplyExact(n, unit(unit, multiply, arg));
            if (key.equals("messages")) {
                messages = v;
                messagesPercent = 0;
            } else {
                bytes = v;
                bytesPercent = 0;
            }
        }
        if (!relative && (bytes < 0 || messages < 0)) {
            throw new IllegalArgumentException(bytes < 0 ? "Bytes limit can't be negative" : "Count limit can't be negative");
        }
        return new QuotaRule(mask, false, bytes, messages, bytesPercent, messagesPercent);
    }

    /** Only the first character after the number counts, as in Dovecot ({@code 1GB} is 1 G). */
    private static long unit(String unit, long defaultMultiply, String arg) {
        if (unit.isEmpty()) {
            return defaultMultiply;
        }
        return switch (Character.toUpperCase(unit.charAt(0))) {
            case 'B' -> 1;
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            case 'T' -> 1024L * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("Invalid rule limit value '" + arg + "': Unknown unit: " + unit);
        };
    }

    private static int numberEnd(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * Maildir++ limits {@code <bytes>S,<count>C} (either part optional, 0 for none) as the first
     * line of {@code maildirsize} and {@code backend=} rules write them; {@code NOQUOTA} is none.
     *
     * @return bytes and count
     */
    public static long[] maildirLimits(String text) {
        long[] out = new long[2];
        if (text.equals("NOQUOTA")) {
            return out;
        }
        for (String part : text.split(",")) {
            if (part.length() < 2) {
                throw new IllegalArgumentException("Invalid Maildir++ quota rule: " + text);
            }
            char kind = part.charAt(part.length() - 1);
            long n;
            try {
                n = Long.parseUnsignedLong(part.substring(0, part.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid Maildir++ quota rule: " + text);
            }
            n = n < 0 ? Long.MAX_VALUE : n; // beyond 2^63: as good as unlimited, as Dovecot truncates
            switch (kind) {
                case 'S' -> out[0] = n;
                case 'C' -> out[1] = n;
                default -> throw new IllegalArgumentException("Invalid Maildir++ quota rule: " + text);
            }
        }
        return out;
    }

    /** Whether {@code mailbox} matches the mask ({@code *} any run, {@code ?} one character). */
    public boolean matches(String mailbox) {
        String name = mailbox.equalsIgnoreCase("INBOX") ? "INBOX" : mailbox;
        return wildcard(name, 0, mask, 0);
    }

    private static boolean wildcard(String s, int i, String p, int j) {
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '*') {
                for (int k = i; k <= s.length(); k++) {
                    if (wildcard(s, k, p, j + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (i >= s.length() || (c != '?' && c != s.charAt(i))) {
                return false;
            }
            i++;
            j++;
        }
        return i == s.length();
    }

    @Override
    public String toString() {
        return mask + (ignore ? ":ignore" : ":bytes=" + bytes + ":messages=" + messages).toLowerCase(Locale.ROOT);
    }
}
