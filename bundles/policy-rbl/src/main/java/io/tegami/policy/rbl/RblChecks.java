package io.tegami.policy.rbl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.tegami.api.config.MailParameters;
import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;

/**
 * Postfix's DNS list restrictions, each with one list as its argument ({@code zone} or
 * {@code zone=d.d.d.d}): {@code reject_rbl_client} and {@code permit_dnswl_client} (the reversed
 * client address), {@code reject_rhsbl_client} and {@code permit_rhswl_client} (the verified
 * client name), {@code reject_rhsbl_reverse_client} (the client's PTR name, verified or not),
 * {@code reject_rhsbl_helo}, {@code reject_rhsbl_sender} and {@code reject_rhsbl_recipient}
 * (the domain of the HELO name or address).
 *
 * <p>A list that does not answer counts as not listing: rejections fail open. An allow list that
 * does not answer does not permit; like Postfix it answers {@code DEFER_IF_REJECT}, so that a later
 * rejection of the same client is softened to 450 rather than made permanent on a guess. At RCPT,
 * an allow-listed client is permitted only for our own destinations ({@code permit_auth_destination}),
 * Postfix's safety against turning a DNS allow list into an open relay.
 */
final class RblChecks {

    static final List<String> NAMES = List.of("reject_rbl_client", "permit_dnswl_client", "reject_rhsbl_client",
            "permit_rhswl_client", "reject_rhsbl_reverse_client", "reject_rhsbl_helo", "reject_rhsbl_sender",
            "reject_rhsbl_recipient");

    static final String CLIENT = "Client host";
    static final String REVERSE_CLIENT = "Unverified Client host";
    static final String HELO = "Helo command";
    static final String SENDER = "Sender address";
    static final String RECIPIENT = "Recipient address";

    private static final String UNKNOWN = "unknown";
    private static final CompletionStage<PolicyAction> DUNNO = CompletableFuture.completedFuture(PolicyAction.DUNNO);

    private final DnsLists lists;

    RblChecks(DnsLists lists) {
        this.lists = lists;
    }

    /** One restriction; {@code dns} may be {@code null} (no resolver: nothing is listed). */
    CompletionStage<PolicyAction> check(DnsResolver dns, MailParameters parameters, String name, String argument,
            PolicyRequest request) {
        Site site = Site.parse(argument, false);
        if (dns == null) {
            Timeouts.noResolver(name);
            return DUNNO;
        }
        Duration timeout = Timeouts.lookup(parameters);
        InetAddress ip = request.clientAddress();
        switch (name) {
            case "reject_rbl_client":
            case "permit_dnswl_client":
                if (ip == null) {
                    return DUNNO;
                }
                return answer(dns, parameters, name, site, ReverseNames.reversed(ip), ip.getHostAddress(), CLIENT,
                        request, timeout);
            case "reject_rhsbl_client":
            case "permit_rhswl_client":
                return domain(dns, parameters, name, site, known(request.clientName()), CLIENT, request, timeout);
            case "reject_rhsbl_reverse_client":
                return reverseName(dns, request).thenCompose(reverse ->
                        domain(dns, parameters, name, site, reverse, REVERSE_CLIENT, request, timeout));
            case "reject_rhsbl_helo":
                return domain(dns, parameters, name, site, request.heloName(), HELO, request, timeout);
            case "reject_rhsbl_sender":
                String sender = request.sender() == null || request.sender().isEmpty() ? null : request.sender();
                return domain(dns, parameters, name, site, sender, SENDER, request, timeout);
            case "reject_rhsbl_recipient":
                return domain(dns, parameters, name, site, request.recipient(), RECIPIENT, request, timeout);
            default:
                throw new IllegalArgumentException("not a DNS list restriction: " + name);
        }
    }

    private CompletionStage<PolicyAction> domain(DnsResolver dns, MailParameters parameters, String name, Site site,
            String what, String rblClass, PolicyRequest request, Duration timeout) {
        String domain = ReverseNames.domainOf(what);
        if (domain == null) {
            return DUNNO;
        }
        return answer(dns, parameters, name, site, domain, what, rblClass, request, timeout);
    }

    private CompletionStage<PolicyAction> answer(DnsResolver dns, MailParameters parameters, String name, Site site,
            String prefix, String what, String rblClass, PolicyRequest request, Duration timeout) {
        boolean allow = name.startsWith("permit_");
        return lists.lookup(dns, prefix + "." + site.domain(), timeout).thenApply(listing -> {
            if (listing.status() == Listing.Status.ERROR) {
                return allow ? new PolicyAction("DEFER_IF_REJECT Service unavailable") : PolicyAction.DUNNO;
            }
            if (!site.matches(listing)) {
                return PolicyAction.DUNNO;
            }
            if (allow) {
                boolean rcpt = "RCPT".equalsIgnoreCase(request.stage()) && request.recipient() != null;
                return rcpt ? new PolicyAction("permit_auth_destination") : PolicyAction.OK;
            }
            return Replies.reject(parameters, site, listing, what, rblClass, request);
        });
    }

    /** Postfix's reverse_client_name: the verified name, else the PTR name, else {@code unknown}. */
    private static CompletionStage<String> reverseName(DnsResolver dns, PolicyRequest request) {
        String known = known(request.reverseClientName());
        if (known != null || request.clientAddress() == null) {
            return CompletableFuture.completedFuture(known);
        }
        return dns.ptr(request.clientAddress())
                .thenApply((DnsAnswer<String> ptr) -> ptr.found() ? ptr.records().get(0) : null);
    }

    private static String known(String name) {
        return name == null || name.equalsIgnoreCase(UNKNOWN) ? null : name;
    }
}
