package io.tegami.canonical;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link AddressRewriter} service of Postfix's canonical(5) and masquerading features, with
 * ranking 0: plugins rank above it to see addresses first, below it to see its results.
 */
@Component(service = AddressRewriter.class, property = "service.ranking:Integer=0")
public final class CanonicalComponent implements AddressRewriter {

    @Reference
    private MailParameters parameters;

    private volatile Canonical canonical;

    @Activate
    void activate() {
        canonical = new Canonical(parameters);
    }

    @Override
    public String rewrite(String address, AddressClass addressClass, MessageContext message) throws RewriteException {
        return canonical.rewrite(address, addressClass, message);
    }
}
