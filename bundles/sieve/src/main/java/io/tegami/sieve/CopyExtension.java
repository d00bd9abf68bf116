package io.tegami.sieve;

import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveTag;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** copy (RFC 3894): {@code :copy} on fileinto and redirect keeps the implicit keep. */
@Component(service = SieveExtension.class)
public final class CopyExtension implements SieveExtension {

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public List<SieveTag> tags() {
        return List.of(new SieveTag(":copy", Command.NONE, Set.of("fileinto", "redirect")));
    }
}
