package io.tegami.api.address;

import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.MailAddress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Rewrites a recipient into its destinations, like an aliases(5) or virtual(5) table.
 *
 * <p>The queue manager asks every resolver, highest {@code service.ranking} first, and uses the
 * first answer; it resolves addresses in that answer again, stopping at loops.
 */
@ConsumerType
public interface AddressResolver {

    /**
     * Resolves one recipient.
     *
     * @return the destinations, or empty if this resolver has no entry for the address
     */
    Optional<List<Destination>> resolve(MailAddress recipient);
}
