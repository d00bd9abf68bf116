package io.tegami.policy.rbl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Postfix's ip_match: the {@code =d.d.d.d} filter of a DNS list ({@code zen.example=127.0.0.[2..11]}).
 * Each of the four octets is a number, or a pattern in brackets of {@code ;}-separated numbers
 * and {@code n..m} ranges ({@code 127.0.0.[2;4..7]}). Only A (IPv4) answers can match.
 */
final class AddressPattern {

    /** One octet: the ranges it accepts, inclusive. */
    private record Octet(List<int[]> ranges) {
        boolean matches(int value) {
            for (int[] r : ranges) {
                if (value >= r[0] && value <= r[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String text;
    private final List<Octet> octets;

    private AddressPattern(String text, List<Octet> octets) {
        this.text = text;
        this.octets = octets;
    }

    /**
     * Parses a filter.
     *
     * @throws IllegalArgumentException for a malformed pattern, which Postfix calls an "RBL reply error"
     */
    static AddressPattern parse(String text) {
        List<Octet> octets = new ArrayList<>();
        int i = 0;
        while (i <= text.length()) {
            int end;
            String item;
            if (i < text.length() && text.charAt(i) == '[') {
                end = text.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("missing \"]\" in \"" + text + "\"");
                }
                item = text.substring(i + 1, end);
                end++;
            } else {
                end = text.indexOf('.', i);
                end = end < 0 ? text.length() : end;
                item = text.substring(i, end);
            }
            octets.add(octet(item, text));
            if (end < text.length() && text.charAt(end) != '.') {
                throw new IllegalArgumentException("bad pattern \"" + text + "\"");
            }
            i = end + 1;
        }
        if (octets.size() != 4) {
            throw new IllegalArgumentException("need four octets in \"" + text + "\"");
        }
        return new AddressPattern(text, List.copyOf(octets));
    }

    private static Octet octet(String item, String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : item.split(";", -1)) {
            int dots = part.indexOf("..");
            int low = number(dots < 0 ? part : part.substring(0, dots), text);
            int high = dots < 0 ? low : number(part.substring(dots + 2), text);
            if (low > high) {
                throw new IllegalArgumentException("bad range " + part + " in \"" + text + "\"");
            }
            ranges.add(new int[] {low, high});
        }
        return new Octet(ranges);
    }

    private static int number(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bad octet \"" + digits + "\" in \"" + text + "\"");
        }
        int n = Integer.parseInt(digits);
        if (n > 255) {
            throw new IllegalArgumentException("octet " + n + " out of range in \"" + text + "\"");
        }
        return n;
    }

    /** True when the A record {@code address} matches. */
    boolean matches(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 4; i++) {
            if (!octets.get(i).matches(bytes[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** True when any of the answers matches. */
    boolean matchesAny(List<InetAddress> addresses) {
        return addresses.stream().anyMatch(this::matches);
    }

    @Override
    public String toString() {
        return text;
    }
}
