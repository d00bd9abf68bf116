package io.tegami.smtp;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.net.Connection;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.address.AddressResolver;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.service.RankedServices;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.MechanismRegistry;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.smtp.SmtpPolicy;
import io.tegami.api.user.UserDirectory;
import io.tegami.smtp.command.CommandDispatcher;
import io.tegami.smtp.restriction.PolicyServices;
import io.tegami.smtp.session.AnvilTable;
import io.tegami.smtp.session.ClientNameResolver;
import io.tegami.smtp.session.DnsClientNameResolver;
import io.tegami.smtp.session.SmtpServices;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpdLog;

/**
 * The ESMTP server (RFC 5321) as the {@code smtp} protocol of Tegami's listeners (smtp 25,
 * submission 587, smtps 465): one {@link SmtpSession} per connection.
 *
 * <p>All references are dynamic and greedy so that a queue, user directory or configuration bundle
 * can be swapped under live sessions. The queue and the user directory are optional: without them
 * the server still talks SMTP and answers 451 where it needs them, so senders retry later. SASL
 * mechanisms are a multiple reference: EHLO offers whatever is registered at that moment; so are
 * the queue's address rewriters, which recipient validation asks what an address will become.
 */
@Component(service = ProtocolHandler.class, property = {
        ProtocolHandler.PROTOCOL + "=smtp",
        ProtocolHandler.DEFAULT_PORTS + "=25,587,465"})
public class SmtpProtocolHandler implements ProtocolHandler, SmtpServices {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailQueue queue;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDirectory users;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuthPenalty penalty;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DnsResolver dns;

    private final MechanismRegistry mechanisms = new MechanismRegistry();
    private final RankedServices<AddressRewriter> rewriters = new RankedServices<>();
    private final RankedServices<AddressResolver> resolvers = new RankedServices<>();
    private final PolicyServices policies = new PolicyServices();
    /** Postfix's anvil rates, kept here so that every session (and listener) of this handler shares them. */
    private final AnvilTable anvil = new AnvilTable();

    // Commands are stateless, so one dispatcher serves every session.
    private final CommandDispatcher dispatcher = CommandDispatcher.standard();
    private final Clock clock;
    private final ClientNameResolver resolver;

    /** For Declarative Services. */
    public SmtpProtocolHandler() {
        this(Clock.systemDefaultZone(), new DnsClientNameResolver());
    }

    /** For tests: a fixed clock and a resolver that does not touch DNS. */
    SmtpProtocolHandler(Clock clock, ClientNameResolver resolver) {
        this.clock = clock;
        this.resolver = resolver;
    }

    /** For tests: the services DS would inject. */
    void bind(MailParameters parameters, MailQueue queue, UserDirectory users) {
        this.parameters = parameters;
        this.queue = queue;
        this.users = users;
    }

    /** For tests: the auth penalty DS would inject. */
    void bind(AuthPenalty penalty) {
        this.penalty = penalty;
    }

    /** For tests: the DNS resolver DS would inject. */
    void bind(DnsResolver dns) {
        this.dns = dns;
    }

    @Reference(service = SaslMechanism.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMechanism")
    void addMechanism(SaslMechanism mechanism, Map<String, Object> properties) {
        mechanisms.add(mechanism, properties);
    }

    void removeMechanism(SaslMechanism mechanism) {
        mechanisms.remove(mechanism);
    }

    /** The queue's address rewriters (canonical maps...), which the recipient check consults. */
    @Reference(service = AddressRewriter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeRewriter")
    void addRewriter(AddressRewriter rewriter, Map<String, Object> properties) {
        rewriters.add(rewriter, properties);
    }

    void removeRewriter(AddressRewriter rewriter) {
        rewriters.remove(rewriter);
    }

    /** The alias resolvers (aliases(5)), which make alias names valid local recipients. */
    @Reference(service = AddressResolver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeResolver")
    void addResolver(AddressResolver resolver, Map<String, Object> properties) {
        resolvers.add(resolver, properties);
    }

    void removeResolver(AddressResolver resolver) {
        resolvers.remove(resolver);
    }

    /** Plugin restrictions (io.tegami.api.smtp), usable by name in the restriction lists. */
    @Reference(service = SmtpPolicy.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePolicy", updated = "addPolicy")
    void addPolicy(SmtpPolicy policy, Map<String, Object> properties) {
        policies.add(policy, properties);
    }

    void removePolicy(SmtpPolicy policy) {
        policies.remove(policy);
    }

    /**
     * The listener is full: what Postfix's postscreen says when every smtpd process is busy, and
     * its log line.
     */
    @Override
    public void refuse(Connection connection) {
        connection.write("421 4.3.2 All server ports are busy\r\n");
        InetSocketAddress remote = connection.remoteAddress();
        String ip = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        SmtpdLog.info("NOQUEUE: reject: CONNECT from [{}]:{}: all server ports busy", ip, remote.getPort());
    }

    @Override
    public ProtocolSession newSession(Connection connection) {
        return new SmtpSession(connection, this, dispatcher, clock, resolver);
    }

    @Override
    public MailParameters parameters() {
        return parameters;
    }

    @Override
    public MailQueue queue() {
        return queue;
    }

    @Override
    public UserDirectory users() {
        return users;
    }

    @Override
    public Map<String, SaslMechanism> mechanisms() {
        return mechanisms.byName();
    }

    @Override
    public AuthPenalty penalty() {
        return penalty;
    }

    @Override
    public DnsResolver dns() {
        return dns;
    }

    @Override
    public List<AddressRewriter> rewriters() {
        return rewriters.snapshot();
    }

    @Override
    public List<AddressResolver> resolvers() {
        return resolvers.snapshot();
    }

    @Override
    public AnvilTable anvil() {
        return anvil;
    }

    @Override
    public PolicyServices policies() {
        return policies;
    }
}
