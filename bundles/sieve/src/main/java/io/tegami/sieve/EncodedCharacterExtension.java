package io.tegami.sieve;

import io.tegami.api.sieve.SieveExtension;
import org.osgi.service.component.annotations.Component;

/**
 * encoded-character (RFC 5228 section 2.4.2.4). It contributes no command: the validator decodes
 * {@code ${hex:}} and {@code ${unicode:}} in the strings of scripts that require it.
 */
@Component(service = SieveExtension.class)
public final class EncodedCharacterExtension implements SieveExtension {

    @Override
    public String name() {
        return "encoded-character";
    }
}
