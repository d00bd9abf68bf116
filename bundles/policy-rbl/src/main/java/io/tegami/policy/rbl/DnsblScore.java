package io.tegami.policy.rbl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * postscreen(8)'s weighted DNSBL score, as a restriction ({@code reject_dnsbl_score}): Tegami has
 * no separate postscreen daemon, so the score is computed where the restriction is listed,
 * typically {@code smtpd_client_restrictions} with {@code smtpd_delay_reject = no} to act at
 * CONNECT. Every list of {@code postscreen_dnsbl_sites} ({@code domain[=filter][*weight]}) is
 * asked in parallel, each domain once; a listing that passes a site's filter adds its weight
 * (negative for allow lists). A score of at least {@code postscreen_dnsbl_threshold} rejects with
 * postscreen's {@code 550 5.7.1 Service unavailable; client [address] blocked using domain}, the
 * domain being that of the heaviest matching site, as {@code postscreen_dnsbl_reply_map} renames
 * it; a score at most {@code postscreen_dnsbl_allowlist_threshold} (when negative) permits.
 * Lists that do not answer count as not listing.
 */
final class DnsblScore {

    static final String NAME = "reject_dnsbl_score";
    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.policy.rbl.postscreen");

    private final DnsLists lists;

    DnsblScore(DnsLists lists) {
        this.lists = lists;
    }

    CompletionStage<PolicyAction> check(DnsResolver dns, MailParameters parameters, PolicyRequest request) {
        List<Site> sites = Site.parseList(parameters.get("postscreen_dnsbl_sites", ""));
        InetAddress ip = request.clientAddress();
        if (sites.isEmpty() || ip == null) {
            return CompletableFuture.completedFuture(PolicyAction.DUNNO);
        }
        if (dns == null) {
            Timeouts.noResolver(NAME);
            return CompletableFuture.completedFuture(PolicyAction.DUNNO);
        }
        Duration timeout = Timeouts.lookup(parameters);
        String reversed = ReverseNames.reversed(ip);
        Map<String, CompletableFuture<Listing>> asked = new LinkedHashMap<>();
        for (Site site : sites) {
            asked.computeIfAbsent(site.domain(),
                    d -> lists.lookup(dns, reversed + "." + d, timeout).toCompletableFuture());
        }
        return CompletableFuture.allOf(asked.values().toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> decide(parameters, request, sites, asked));
    }

    private PolicyAction decide(MailParameters parameters, PolicyRequest request, List<Site> sites,
            Map<String, CompletableFuture<Listing>> asked) {
        int score = 0;
        Site heaviest = null;
        for (Site site : sites) {
            Listing listing = asked.get(site.domain()).join();
            if (site.matches(listing)) {
                score += site.weight();
                if (heaviest == null || heaviest.weight() < site.weight()) {
                    heaviest = site;
                }
            }
        }
        String address = request.clientAddress().getHostAddress();
        if (score != 0) {
            LOG.info("DNSBL rank {} for [{}]", score, address);
        }
        long threshold = parameters.getLong("postscreen_dnsbl_threshold", 1);
        long allowlist = parameters.getLong("postscreen_dnsbl_allowlist_threshold",
                parameters.getLong("postscreen_dnsbl_whitelist_threshold", 0));
        if (heaviest != null && score >= threshold) {
            return PolicyAction.reply("550 5.7.1 Service unavailable; client [" + address + "] blocked using "
                    + replyName(parameters, heaviest.domain()));
        }
        if (allowlist < 0 && score <= allowlist) {
            boolean rcpt = "RCPT".equalsIgnoreCase(request.stage()) && request.recipient() != null;
            return rcpt ? new PolicyAction("permit_auth_destination") : PolicyAction.OK;
        }
        return PolicyAction.DUNNO;
    }

    /** postscreen_dnsbl_reply_map: the name to show for a list whose real name holds a secret. */
    private static String replyName(MailParameters parameters, String domain) {
        String spec = parameters.get("postscreen_dnsbl_reply_map", "");
        if (spec == null || spec.isBlank()) {
            return domain;
        }
        try {
            Optional<String> shown = LookupTables.open(spec.strip(), parameters.home()).lookup(domain);
            return shown.map(String::strip).filter(s -> !s.isEmpty()).orElse(domain);
        } catch (TableException e) {
            LOG.warn("postscreen_dnsbl_reply_map {}: {}", spec, e.getMessage());
            return domain;
        }
    }
}
