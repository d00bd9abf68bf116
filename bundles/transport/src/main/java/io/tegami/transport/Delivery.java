package io.tegami.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery request: one message, recipients of one next hop. Tries the next-hop
 * destinations ({@code relayhost}, or the recipients' domain) and their servers in order, as
 * Postfix's smtp_connect() does: a cached session first, then each address until every recipient
 * has a final answer, the address or session limits are reached, or there is nothing left to try.
 * A temporary failure at one server leaves the recipient for the next; a 2xx or 5xx is final.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.transport.smtp");

    private final SmtpSettings settings;
    private final ServerPlanner planner;
    private final ConnectionCache cache;
    private final SessionOpener.CredentialSource noCredentials = t -> java.util.Optional.empty();
    private final Watchdog watchdog;
    private final TlsContexts tls;
    private final Path home;

    private QueuedMessage message;
    private List<MailAddress> rcpts;
    private DeliveryResult[] results;
    /** The latest temporary failure of each recipient still pending. */
    private DeliveryResult[] latest;

    Delivery(SmtpSettings settings, ServerPlanner planner, ConnectionCache cache, Watchdog watchdog, TlsContexts tls,
            Path home) {
        this.settings = settings;
        this.planner = planner;
        this.cache = cache;
        this.watchdog = watchdog;
        this.tls = tls;
        this.home = home;
    }

    /** Delivers to {@code recipients}, all of one next hop; one result each, in order. */
    List<DeliveryResult> deliver(QueuedMessage msg, List<MailAddress> recipients, List<Nexthop> nexthops) {
        this.message = msg;
        this.rcpts = recipients;
        this.results = new DeliveryResult[recipients.size()];
        this.latest = new DeliveryResult[recipients.size()];
        int sessions = 0;
        int addresses = 0;
        Failure last = Failure.soft("4.4.1", "no server to try", null);
        for (Nexthop nexthop : nexthops) {
            String key = cacheKey(nexthop, msg.envelope().sender());
            Session cached = cache.take(key);
            if (cached != null && transact(cached, nexthop, key)) {
                return List.of(results); // a cached session does not count against the limits
            }
            ServerPlanner.Plan plan = planner.plan(nexthop, settings.mxAddressLimit());
            if (plan.failure() != null) {
                last = plan.failure();
                failPending(last);
                continue;
            }
            SessionOpener opener = new SessionOpener(settings, watchdog, tls, settings.saslEnabled()
                    ? t -> PasswordLookup.find(settings.saslPasswordMaps(), home, PasswordLookup.keys(
                            msg.envelope().sender(), settings.saslSenderDependent(), t.hostName(), nexthop))
                    : noCredentials);
            for (Target target : plan.targets()) {
                if (limitReached(addresses, settings.mxAddressLimit()) || limitReached(sessions, settings.mxSessionLimit())) {
                    break;
                }
                addresses++;
                Session session;
                try {
                    session = opener.open(target);
                } catch (SessionException e) {
                    sessions += e.greeted() ? 1 : 0;
                    last = e.failure();
                    LOG.info("{}: {}", msg.queueId(), last.text());
                    if (last.permanent()) {
                        finishPending(last.result());
                        return List.of(results);
                    }
                    failPending(last);
                    continue;
                }
                sessions++;
                if (transact(session, nexthop, key)) {
                    return List.of(results);
                }
            }
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = latest[i] != null ? latest[i] : last.result();
            }
        }
        return List.of(results);
    }

    private static boolean limitReached(int used, int limit) {
        return limit > 0 && used >= limit;
    }

    /**
     * Runs one transaction for the pending recipients, then caches or closes the session.
     *
     * @return true when every recipient has a final result
     */
    private boolean transact(Session session, Nexthop nexthop, String key) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                pending.add(i);
            }
        }
        MailTransaction tx = MailTransaction.run(session, settings, message, pending.stream().map(rcpts::get).toList());
        List<MailTransaction.Outcome> outcomes = tx.outcomes();
        for (int k = 0; k < pending.size(); k++) {
            MailTransaction.Outcome o = outcomes.get(k);
            int i = pending.get(k);
            if (o.soft()) {
                latest[i] = o.result();
            } else {
                results[i] = o.result();
            }
        }
        release(session, nexthop, key, tx.reusable());
        return Arrays.stream(results).allMatch(r -> r != null);
    }

    /** Puts a healthy session into the cache after a successful RSET, or says goodbye. */
    private void release(Session session, Nexthop nexthop, String key, boolean reusable) {
        SmtpSettings.Timeouts t = settings.timeouts();
        if (!reusable) {
            session.channel().close();
            return;
        }
        boolean young = session.age().compareTo(settings.reuseTimeLimit()) < 0;
        boolean fresh = settings.reuseCountLimit() <= 0 || session.transactions() < settings.reuseCountLimit();
        if (settings.caches(nexthop) && young && fresh && !settings.cacheTimeLimit().isZero()) {
            try {
                session.channel().send("RSET");
                session.channel().flush(t.rset());
                if (session.channel().read(t.rset()).positive()) {
                    cache.put(key, session, settings.cacheTimeLimit());
                    return;
                }
            } catch (IOException e) {
                session.channel().close();
                return;
            }
        }
        session.quit(t.quit());
    }

    private void failPending(Failure f) {
        DeliveryResult r = f.result();
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                latest[i] = r;
            }
        }
    }

    private void finishPending(DeliveryResult r) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = r;
            }
        }
    }

    /**
     * Sessions are shared only between deliveries that would have set them up the same way: same
     * destination and port, same TLS level, same SASL identity source and HELO name.
     */
    private String cacheKey(Nexthop nexthop, MailAddress sender) {
        return nexthop.destination().toLowerCase(java.util.Locale.ROOT) + "|" + nexthop.port() + "|" + settings.tls()
                + "|" + (settings.saslEnabled() ? settings.saslPasswordMaps()
                        + (settings.saslSenderDependent() ? "|" + sender : "") : "-")
                + "|" + settings.heloName();
    }
}
