package io.tegami.sieve;

import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveExtension;
import java.math.BigInteger;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code i;ascii-numeric} comparator (RFC 4790 section 9.1): the number formed by leading
 * digits; a string without one is positive infinity, equal only to another such string.
 */
@Component(service = SieveExtension.class)
public final class AsciiNumericExtension implements SieveExtension {

    @Override
    public String name() {
        return "comparator-i;ascii-numeric";
    }

    @Override
    public List<SieveComparator> comparators() {
        return List.of(new SieveComparator() {
            @Override
            public String name() {
                return "i;ascii-numeric";
            }

            @Override
            public boolean substringMatching() {
                return false;
            }

            @Override
            public String canonical(String value) {
                BigInteger n = number(value);
                return n == null ? "inf" : n.toString();
            }

            @Override
            public int compare(String a, String b) {
                BigInteger x = number(a);
                BigInteger y = number(b);
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : 1) : -1;
                }
                return x.compareTo(y);
            }
        });
    }

    static BigInteger number(String s) {
        int end = 0;
        while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? null : new BigInteger(s.substring(0, end));
    }
}
