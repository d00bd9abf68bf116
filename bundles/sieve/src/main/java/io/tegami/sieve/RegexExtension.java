package io.tegami.sieve;

import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveMatchType;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.osgi.service.component.annotations.Component;

/**
 * regex (draft-ietf-sieve-regex): {@code :regex} with POSIX-extended-like patterns (Java syntax),
 * case-insensitive under {@code i;ascii-casemap}; groups become match variables.
 */
@Component(service = SieveExtension.class)
public final class RegexExtension implements SieveExtension {

    @Override
    public String name() {
        return "regex";
    }

    @Override
    public List<SieveMatchType> matchTypes() {
        return List.of(new SieveMatchType() {
            @Override
            public String tag() {
                return ":regex";
            }

            @Override
            public boolean needsSubstring() {
                return true;
            }

            @Override
            public boolean matches(SieveComparator cmp, String arg, List<String> values, List<String> keys,
                    List<String> captures) throws SieveRuntimeException {
                int flags = cmp.name().equals("i;ascii-casemap") ? Pattern.CASE_INSENSITIVE : 0;
                for (String k : keys) {
                    Pattern p;
                    try {
                        p = Pattern.compile(k, flags);
                    } catch (PatternSyntaxException e) {
                        throw new SieveRuntimeException("invalid regular expression '" + k + "' for regex match");
                    }
                    for (String v : values) {
                        Matcher m = p.matcher(v);
                        if (m.find()) {
                            captures.clear();
                            for (int g = 0; g <= m.groupCount(); g++) {
                                captures.add(m.group(g) == null ? "" : m.group(g));
                            }
                            return true;
                        }
                    }
                }
                return false;
            }
        });
    }
}
