package io.tegami.api.rewrite;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Rewrites addresses of a message as it enters the queue: Postfix's cleanup(8) address
 * rewriting (trivial-rewrite completion, canonical(5) maps, masquerading) as a service.
 *
 * <p>The queue calls every registered rewriter for the envelope sender, each envelope recipient
 * and each address in the sender and recipient headers of the primary message header (see
 * {@link AddressClass}). Rewriters chain: they are called in {@code service.ranking} order,
 * highest first (equal rankings: lowest {@code service.id} first, the OSGi order), and each gets
 * the address the one before it returned. Tegami's {@code canonical} bundle registers one with the
 * default ranking 0; a plugin that must see addresses before it registers with a higher ranking,
 * one that must see the canonical result with a negative ranking. With no rewriter registered,
 * addresses stay as they are.
 *
 * <p>Addresses are in Postfix's internal form ({@link InternalForm}): the local part unquoted,
 * then {@code @} and the domain; an incomplete header address may be a local part alone
 * ({@code root}). The null sender {@code <>} is never passed. Calls come from the thread that
 * writes the message into the queue, so an implementation may block briefly (a table read), and
 * must be thread safe: messages are received concurrently.
 */
@ConsumerType
public interface AddressRewriter {

    /**
     * Rewrites one address.
     *
     * @param address the address in internal form, never empty
     * @param addressClass where the address was found
     * @param message the message, with the rewriting context to complete incomplete addresses in
     * @return the rewritten address in internal form, or {@code address} itself when nothing
     *         applies; never null or empty. An envelope address must come back complete
     *         ({@code local@domain}), or the queue keeps the one it passed in.
     * @throws RewriteException when a lookup needed for the answer failed: the message is then
     *         not accepted now (the client gets a 4xx reply and may try again), as Postfix does
     *         when a canonical table cannot be read
     */
    String rewrite(String address, AddressClass addressClass, MessageContext message) throws RewriteException;
}
