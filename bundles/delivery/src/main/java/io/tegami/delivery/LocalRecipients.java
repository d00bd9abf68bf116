package io.tegami.delivery;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.user.UserDirectory;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Who a local recipient is, for the components that must answer it the same way (the local
 * delivery agent and the SMTP server's pre-queue Sieve run): the user directory and the
 * {@link AddressResolver} services (aliases(5)), both dynamic so that their bundles can be stopped
 * or swapped at any time, and the alias expansion through them.
 *
 * <p>The subclasses are the DS components; bnd copies these references into their descriptors
 * ({@code -dsannotations-options: inherit}). The bind methods are package-private, not private,
 * because Felix SCR calls a superclass's method only when it is not private.
 */
abstract class LocalRecipients {

    final MailParameters parameters;
    final ResolverRegistry resolvers = new ResolverRegistry();
    private final AtomicReference<UserDirectory> directory = new AtomicReference<>();

    LocalRecipients(MailParameters parameters) {
        this.parameters = parameters;
    }

    @Reference(name = "directory", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDirectory(UserDirectory d) {
        directory.set(d);
    }

    void unbindDirectory(UserDirectory d) {
        directory.compareAndSet(d, null); // a greedy replacement binds the new one first
    }

    @Reference(name = "resolver", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindResolver(AddressResolver r, Map<String, Object> properties) {
        resolvers.add(r, properties);
    }

    void unbindResolver(AddressResolver r) {
        resolvers.remove(r);
    }

    /** The user directory bound now, or null while there is none. */
    final UserDirectory directory() {
        return directory.get();
    }

    /** The recipient expanded through aliases(5) as local(8) does, for mail from this sender. */
    final Expansion expandAliases(MailAddress recipient, MailAddress sender) {
        return new AliasExpander(parameters, resolvers::resolve,
                d -> ResolverRegistry.isLocal(parameters, d)).expand(recipient, sender);
    }
}
