package io.tegami.examples.greylist;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The greylisting key, as postgrey builds it: the client's network (IPv4 /24, IPv6 /64), the
 * sender with its variable parts replaced, and the recipient, all lower case.
 */
final class Triplet {

    /** postgrey's {@code --ipv4cidr} and {@code --ipv6cidr} defaults. */
    static final int IPV4_PREFIX = 24;
    static final int IPV6_PREFIX = 64;

    /** Whole numbers in a local part, as VERP and bounce tracking put there. */
    private static final Pattern NUMBERS = Pattern.compile("\\b\\d+\\b");
    private static final Pattern BATV_TAG = Pattern.compile("^[0-9a-z]{10}.*");

    private Triplet() {
    }

    /** {@code network/sender/recipient}, lower case. */
    static String key(InetAddress client, String sender, String recipient) {
        return (network(client) + "/" + sender(sender) + "/" + recipient).toLowerCase(Locale.ROOT);
    }

    /** The client's network address: the host bits cleared. */
    static String network(InetAddress client) {
        byte[] bytes = client.getAddress();
        int prefix = client instanceof Inet4Address ? IPV4_PREFIX : IPV6_PREFIX;
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }

    /**
     * postgrey's sender substitutions: the real local part of a BATV address
     * ({@code prvs=tag=user}), no {@code +extension}, and whole numbers as {@code #}, so that a
     * mailing list's per-message return path does not make a new triplet for every message.
     */
    static String sender(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        String user = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (user.toLowerCase(Locale.ROOT).startsWith("prvs=")) {
            String[] parts = user.split("=", -1);
            if (parts.length == 3) {
                boolean firstIsTag = BATV_TAG.matcher(parts[1]).matches();
                boolean secondIsTag = BATV_TAG.matcher(parts[2]).matches();
                user = firstIsTag || !secondIsTag ? parts[2] : parts[1];
            }
        }
        int plus = user.indexOf('+');
        if (plus >= 0) {
            user = user.substring(0, plus);
        }
        user = NUMBERS.matcher(user).replaceAll("#");
        return user + "@" + domain;
    }
}
