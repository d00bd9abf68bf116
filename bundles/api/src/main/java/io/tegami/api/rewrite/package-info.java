/**
 * Address rewriting as mail enters the queue: Postfix's cleanup(8) and trivial-rewrite(8)
 * transformations, as services a plugin can add to.
 *
 * <h2>When rewriting happens</h2>
 * When a receiver ({@code smtpd}, {@code sendmail}) creates a message in the queue, the queue
 * rewrites the envelope sender and each recipient before the queue file is written, then the
 * addresses in the sender and recipient headers of the primary message header while the message
 * streams in (the body is never touched or buffered). Header addresses are rewritten only for
 * local submissions and for clients that match {@code local_header_rewrite_clients} (Postfix's
 * default {@code permit_inet_interfaces}), or for any client when {@code remote_header_rewrite_domain}
 * is set; see {@link io.tegami.api.rewrite.RewriteContext}. Display names, comments and groups
 * stay as they were; only the address itself changes.
 *
 * <h2>Writing a rewriter</h2>
 * Register an {@link io.tegami.api.rewrite.AddressRewriter} service. Every rewriter sees every
 * address, in {@code service.ranking} order (highest first), each getting the previous one's
 * result, so a plugin can run before or after Tegami's {@code canonical} bundle (ranking 0). Decide
 * with the {@link io.tegami.api.rewrite.AddressClass} which addresses to touch, return the address
 * unchanged otherwise, and throw {@link io.tegami.api.rewrite.RewriteException} when a lookup
 * fails so that the message is retried rather than rewritten wrongly. Addresses are in Postfix's
 * internal form; {@link io.tegami.api.rewrite.InternalForm} converts to and from the quoted
 * external form of headers and tables, and {@link io.tegami.api.rewrite.InetInterfaces} tells
 * whether an IP address is one of this system's own. The queue works without any rewriter.
 *
 * <p>Since 1.1, {@link io.tegami.api.rewrite.LocalRewriteClients} decides
 * {@code local_header_rewrite_clients} for the SMTP server (with a listener's own value) and the
 * queue alike.
 */
@Export
@Version("1.1.0")
package io.tegami.api.rewrite;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
