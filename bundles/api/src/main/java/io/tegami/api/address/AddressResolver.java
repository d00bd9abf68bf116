package io.tegami.api.address;

import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.MailAddress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Rewrites a recipient into its destinations, like an aliases(5) table.
 *
 * <p>Local delivery asks every resolver, highest {@code service.ranking} first, and uses the
 * first answer; it resolves addresses in that answer again (with loop detection), as Postfix's
 * local(8) expands {@code alias_maps}. The SMTP server asks the same resolvers whether a local
 * name exists ({@code reject_unlisted_recipient}). Callers ask only about addresses in a local
 * domain; an aliases resolver looks up the local part.
 */
@ConsumerType
public interface AddressResolver {

    /**
     * Resolves one recipient.
     *
     * @return the destinations, or empty if this resolver has no entry for the address
     * @throws java.io.UncheckedIOException when the table or an {@code :include:} file cannot be
     *         read now (a temporary failure: the mail is deferred)
     */
    Optional<List<Destination>> resolve(MailAddress recipient);
}
