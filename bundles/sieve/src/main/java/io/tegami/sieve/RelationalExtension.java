package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveMatchType;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/** relational (RFC 5231): the {@code :value} and {@code :count} match types. */
@Component(service = SieveExtension.class)
public final class RelationalExtension implements SieveExtension {

    @Override
    public String name() {
        return "relational";
    }

    @Override
    public List<SieveMatchType> matchTypes() {
        return List.of(new Relational(":value"), new Relational(":count"));
    }

    /** Whether {@code cmp(value, key)} satisfies the relation ({@code gt}, {@code ge}...). */
    static boolean holds(String relation, int cmp) throws SieveRuntimeException {
        return switch (relation.toLowerCase(Locale.ROOT)) {
            case "gt" -> cmp > 0;
            case "ge" -> cmp >= 0;
            case "lt" -> cmp < 0;
            case "le" -> cmp <= 0;
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            default -> throw new SieveRuntimeException("invalid relational match '" + relation + "'");
        };
    }

    private record Relational(String tag) implements SieveMatchType {
        @Override
        public SieveArgumentType argument() {
            return SieveArgumentType.STRING;
        }

        @Override
        public boolean matches(SieveComparator cmp, String relation, List<String> values, List<String> keys,
                List<String> captures) throws SieveRuntimeException {
            List<String> subjects = tag.equals(":count") ? List.of(String.valueOf(values.size())) : values;
            for (String v : subjects) {
                for (String k : keys) {
                    if (holds(relation, cmp.compare(v, k))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
