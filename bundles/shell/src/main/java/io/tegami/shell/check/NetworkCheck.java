package io.tegami.shell.check;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;
import io.tegami.api.table.LookupTables;

/**
 * Checks the address patterns of {@code mynetworks} as Postfix's cidr_match does: a bad pattern
 * is an error ({@code bad net/mask pattern: "..."}), host bits under the mask a warning, in
 * Postfix's words ({@code non-null host address bits in "10.1.1.1/24", perhaps you should use
 * "10.1.1.0/24" instead}).
 */
final class NetworkCheck {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.\\[\\]]+(/\\d+)?");

    private NetworkCheck() {
    }

    static void run(MailParameters params, Findings findings) {
        String value = params.get("mynetworks").orElse("");
        for (String item : LookupTables.split(value)) {
            if (item.indexOf(':') > 0 && !item.startsWith("[") && !item.matches("[0-9a-fA-F:]+(/\\d+)?")) {
                continue; // a table (hash:...), checked with the other tables
            }
            if (item.startsWith("/") || item.startsWith("!")) {
                continue; // a file of patterns, or a negation Postfix also accepts
            }
            if (!LITERAL.matcher(item).matches()) {
                continue; // a host or domain name: matched by name, nothing to check here
            }
            String problem = problem(item);
            if (problem != null) {
                if (problem.startsWith("non-null")) {
                    findings.warning("mynetworks: " + problem);
                } else {
                    findings.error("mynetworks: " + problem);
                }
            }
        }
    }

    /** What is wrong with one {@code address[/len]} pattern, or null. */
    static String problem(String pattern) {
        String p = pattern;
        int slash = p.indexOf('/');
        String address = slash < 0 ? p : p.substring(0, slash);
        boolean bracketed = address.startsWith("[") && address.endsWith("]");
        if (bracketed) {
            address = address.substring(1, address.length() - 1);
        }
        byte[] bytes;
        try {
            if (address.isEmpty() || (address.indexOf(':') < 0 && !address.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))) {
                return "bad net/mask pattern: \"" + pattern + "\"";
            }
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return "bad net/mask pattern: \"" + pattern + "\"";
        }
        if (slash < 0) {
            return null;
        }
        int bits = bytes.length * 8;
        int len;
        try {
            len = Integer.parseInt(p.substring(slash + 1));
        } catch (NumberFormatException e) {
            return "bad net/mask pattern: \"" + pattern + "\"";
        }
        if (len < 0 || len > bits) {
            return "bad net/mask pattern: \"" + pattern + "\"";
        }
        BigInteger value = new BigInteger(1, bytes);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE));
        BigInteger network = value.and(mask);
        if (network.equals(value)) {
            return null;
        }
        String net = text(network, bytes.length);
        String suggestion = (bracketed ? "[" + net + "]" : net) + "/" + len;
        return "non-null host address bits in \"" + pattern + "\", perhaps you should use \"" + suggestion + "\" instead";
    }

    private static String text(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        try {
            String s = InetAddress.getByAddress(bytes).getHostAddress();
            return length == 16 ? compress(s) : s;
        } catch (UnknownHostException e) {
            return value.toString(16);
        }
    }

    /** inet_ntop's form of an IPv6 address: the longest run of two or more zero groups becomes "::". */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
