package io.tegami.policy.rbl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One DNS list as a restriction or {@code postscreen_dnsbl_sites} names it:
 * {@code domain[=filter][*weight]}. Without a filter any A answer lists; the weight (postscreen
 * only) defaults to 1 and may be negative for allow lists.
 *
 * @param spec the text as written, the key of {@code rbl_reply_maps}
 * @param domain the list's DNS domain, lower case, without the filter
 * @param filter the reply filter, or {@code null}
 * @param weight the score a listing adds
 */
record Site(String spec, String domain, AddressPattern filter, int weight) {

    /**
     * Parses one site.
     *
     * @param weighted whether {@code *weight} is allowed (postscreen) or part of nothing (smtpd)
     * @throws IllegalArgumentException when it is malformed
     */
    static Site parse(String spec, boolean weighted) {
        String rest = spec.strip();
        int weight = 1;
        int star = weighted ? rest.lastIndexOf('*') : -1;
        if (star >= 0) {
            try {
                weight = Integer.parseInt(rest.substring(star + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad weight in DNS list \"" + spec + "\"");
            }
            rest = rest.substring(0, star);
        }
        AddressPattern filter = null;
        int eq = rest.indexOf('=');
        if (eq >= 0) {
            filter = AddressPattern.parse(rest.substring(eq + 1));
            rest = rest.substring(0, eq);
        }
        String domain = rest.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("no domain in DNS list \"" + spec + "\"");
        }
        return new Site(spec.strip(), domain, filter, weight);
    }

    /** {@code postscreen_dnsbl_sites}: sites separated by commas and blanks. */
    static List<Site> parseList(String value) {
        List<Site> sites = new ArrayList<>();
        if (value == null) {
            return sites;
        }
        for (String item : value.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                sites.add(parse(item, true));
            }
        }
        return sites;
    }

    /** Whether a listing with these A answers counts for this site. */
    boolean matches(Listing listing) {
        return listing.listed() && (filter == null || filter.matchesAny(listing.addresses()));
    }
}
