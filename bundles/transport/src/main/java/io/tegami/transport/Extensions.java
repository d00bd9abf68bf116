package io.tegami.transport;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a server said it supports in its EHLO reply (RFC 5321 section 4.1.1.1), as far as this
 * client uses it.
 *
 * @param esmtp false after a HELO fallback: no extension at all
 * @param pipelining PIPELINING (RFC 2920)
 * @param size the SIZE limit (RFC 1870): -1 when SIZE is not offered, 0 when offered without a limit
 * @param eightBitMime 8BITMIME (RFC 6152)
 * @param smtputf8 SMTPUTF8 (RFC 6531)
 * @param starttls STARTTLS (RFC 3207)
 * @param auth the SASL mechanisms of AUTH (RFC 4954), upper case, also from the old {@code AUTH=} form
 * @param dsn DSN (RFC 3461): the server takes NOTIFY, ORCPT, RET and ENVID
 */
record Extensions(boolean esmtp, boolean pipelining, long size, boolean eightBitMime, boolean smtputf8,
        boolean starttls, Set<String> auth, boolean dsn) {

    static final Extensions NONE = new Extensions(false, false, -1, false, false, false, Set.of(), false);

    Extensions {
        auth = Set.copyOf(auth);
    }

    /** The extensions of a {@code 250} EHLO reply; the first line is the server's greeting name. */
    static Extensions parse(Reply ehlo) {
        boolean pipelining = false;
        long size = -1;
        boolean eightBit = false;
        boolean utf8 = false;
        boolean starttls = false;
        boolean dsn = false;
        Set<String> auth = new LinkedHashSet<>();
        for (int i = 1; i < ehlo.lines().size(); i++) {
            String[] words = ehlo.text(i).trim().split("[\\s=]+");
            String keyword = words[0].toUpperCase(Locale.ROOT);
            switch (keyword) {
                case "PIPELINING" -> pipelining = true;
                case "SIZE" -> size = words.length > 1 ? number(words[1]) : 0;
                case "8BITMIME" -> eightBit = true;
                case "SMTPUTF8" -> utf8 = true;
                case "STARTTLS" -> starttls = true;
                case "DSN" -> dsn = true;
                case "AUTH" -> {
                    for (int w = 1; w < words.length; w++) {
                        auth.add(words[w].toUpperCase(Locale.ROOT));
                    }
                }
                default -> {
                    // not used by this client
                }
            }
        }
        return new Extensions(true, pipelining, size, eightBit, utf8, starttls, auth, dsn);
    }

    private static long number(String text) {
        try {
            return Math.max(0, Long.parseLong(text));
        } catch (NumberFormatException e) {
            return 0; // a limit we cannot read is no limit, as Postfix treats it
        }
    }
}
