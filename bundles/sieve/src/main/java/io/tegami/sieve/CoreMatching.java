package io.tegami.sieve;

import io.tegami.api.sieve.SieveAddressPart;
import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveMatchType;
import java.util.List;
import java.util.Locale;

/** The comparators, match types and address parts of RFC 5228 itself. */
final class CoreMatching {

    private CoreMatching() {
    }

    /** {@code i;octet}: byte-wise (here: char-wise) equality. */
    static final SieveComparator OCTET = new SieveComparator() {
        @Override
        public String name() {
            return "i;octet";
        }

        @Override
        public String canonical(String value) {
            return value;
        }
    };

    /** {@code i;ascii-casemap}: ASCII letters compare case-insensitively; the default. */
    static final SieveComparator CASEMAP = new SieveComparator() {
        @Override
        public String name() {
            return "i;ascii-casemap";
        }

        @Override
        public String canonical(String value) {
            StringBuilder sb = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
            return sb.toString();
        }
    };

    /** {@code :is}: equality under the comparator. */
    static final SieveMatchType IS = new SieveMatchType() {
        @Override
        public String tag() {
            return ":is";
        }

        @Override
        public boolean matches(SieveComparator cmp, String arg, List<String> values, List<String> keys,
                List<String> captures) {
            for (String v : values) {
                for (String k : keys) {
                    if (cmp.equal(v, k)) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    /** {@code :contains}: substring under the comparator. */
    static final SieveMatchType CONTAINS = new SieveMatchType() {
        @Override
        public String tag() {
            return ":contains";
        }

        @Override
        public boolean needsSubstring() {
            return true;
        }

        @Override
        public boolean matches(SieveComparator cmp, String arg, List<String> values, List<String> keys,
                List<String> captures) {
            for (String v : values) {
                String cv = cmp.canonical(v);
                for (String k : keys) {
                    if (cv.contains(cmp.canonical(k))) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    /** {@code :matches}: wildcards, filling match variables. */
    static final SieveMatchType MATCHES = new SieveMatchType() {
        @Override
        public String tag() {
            return ":matches";
        }

        @Override
        public boolean needsSubstring() {
            return true;
        }

        @Override
        public boolean matches(SieveComparator cmp, String arg, List<String> values, List<String> keys,
                List<String> captures) {
            for (String v : values) {
                String cv = cmp.canonical(v);
                for (String k : keys) {
                    if (Wildcard.match(cmp.canonical(k), cv, v, captures)) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    /** An address part from a tag and a function. */
    static SieveAddressPart part(String tag, java.util.function.BinaryOperator<String> f) {
        return new SieveAddressPart() {
            @Override
            public String tag() {
                return tag;
            }

            @Override
            public String part(String localPart, String domain) {
                return f.apply(localPart, domain);
            }
        };
    }

    static final SieveAddressPart ALL = part(":all", (l, d) -> d.isEmpty() ? l : l + "@" + d);
    static final SieveAddressPart LOCALPART = part(":localpart", (l, d) -> l);
    static final SieveAddressPart DOMAIN = part(":domain", (l, d) -> d);

    /** Lower-cases ASCII only, as Sieve's case-insensitive names. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
