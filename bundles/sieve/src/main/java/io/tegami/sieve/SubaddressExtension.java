package io.tegami.sieve;

import io.tegami.api.sieve.SieveAddressPart;
import io.tegami.api.sieve.SieveExtension;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * subaddress (RFC 5233): {@code :user} and {@code :detail} split the local part at the first
 * {@code +} (Postfix's default recipient_delimiter); without one, {@code :detail} matches nothing.
 */
@Component(service = SieveExtension.class)
public final class SubaddressExtension implements SieveExtension {

    static final String DELIMITER = "+";

    @Override
    public String name() {
        return "subaddress";
    }

    @Override
    public List<SieveAddressPart> addressParts() {
        return List.of(CoreMatching.part(":user", (l, d) -> {
            int i = l.indexOf(DELIMITER);
            return i < 0 ? l : l.substring(0, i);
        }), CoreMatching.part(":detail", (l, d) -> {
            int i = l.indexOf(DELIMITER);
            return i < 0 ? null : l.substring(i + 1);
        }));
    }
}
