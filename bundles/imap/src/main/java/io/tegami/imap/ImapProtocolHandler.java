package io.tegami.imap;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.Connection;
import io.tegami.api.net.LoginRegistry;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.MechanismRegistry;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.StoreSelection;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;
import io.tegami.imap.command.CommandDispatcher;
import io.tegami.imap.command.Commands;
import io.tegami.imap.fetch.FetchDataSource;
import io.tegami.imap.fetch.StructureFetchData;
import io.tegami.imap.search.EvaluatorSearchEngine;
import io.tegami.imap.search.SearchEngine;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapServices;
import io.tegami.imap.session.ImapSession;

/**
 * The IMAP4rev1 server (RFC 3501 and extensions) as the {@code imap} protocol of Tegami's
 * listeners (143 with STARTTLS, 993 with implicit TLS): one {@link ImapSession} per connection.
 *
 * <p>Every reference is dynamic and greedy, so that the configuration, the user directory, the
 * auth penalty, the SASL mechanisms and the stores can be swapped under live sessions; without a
 * user directory logins fail temporarily, and a user whose store is not bound cannot log in
 * ({@code NO [UNAVAILABLE]}) until it is. Logged-in sessions are registered with the
 * {@link LoginRegistry}, which enforces {@code mail_max_userip_connections} and serves
 * {@code doveadm who} and {@code doveadm kick}.
 */
@Component(service = ProtocolHandler.class, property = {
        ProtocolHandler.PROTOCOL + "=imap",
        ProtocolHandler.DEFAULT_PORTS + "=143,993"})
public class ImapProtocolHandler implements ProtocolHandler, ImapServices {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDirectory users;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuthPenalty penalty;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoginRegistry logins;

    private final MechanismRegistry mechanisms = new MechanismRegistry();
    private final StoreSelection stores = new StoreSelection();
    private final CommandDispatcher dispatcher = Commands.standard();
    private final FetchDataSource fetchData = new StructureFetchData();
    private final SearchEngine searchEngine = new EvaluatorSearchEngine(ZoneId.systemDefault());
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    /** For Declarative Services. */
    public ImapProtocolHandler() {
        this(Clock.systemDefaultZone());
    }

    /** For tests: a clock of their own. */
    ImapProtocolHandler(Clock clock) {
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("imap-idle-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.scheduler = pool;
    }

    /** For tests: the services DS would inject. */
    void bind(MailParameters parameters, UserDirectory users, AuthPenalty penalty) {
        this.parameters = parameters;
        this.users = users;
        this.penalty = penalty;
    }

    /** For tests: the login registry DS would inject. */
    void bindLogins(LoginRegistry registry) {
        this.logins = registry;
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Reference(service = SaslMechanism.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMechanism")
    void addMechanism(SaslMechanism mechanism, Map<String, Object> properties) {
        mechanisms.add(mechanism, properties);
    }

    void removeMechanism(SaslMechanism mechanism) {
        mechanisms.remove(mechanism);
    }

    @Reference(name = "store", service = MailStore.class, target = "(type=*)", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStore")
    void addStore(MailStore store, Map<String, Object> properties) {
        stores.add(store, properties);
    }

    void removeStore(MailStore store) {
        stores.remove(store);
    }

    /**
     * The listener is full: Dovecot's words when its login processes are ({@code * BYE Connection
     * queue full}), as the greeting, which RFC 3501 allows to be a BYE.
     */
    @Override
    public void refuse(Connection connection) {
        connection.write("* BYE Connection queue full\r\n");
        String rip = connection.remoteAddress().getAddress() == null ? "unknown" : connection.remoteAddress().getAddress().getHostAddress();
        String lip = connection.localAddress().getAddress() == null ? "unknown" : connection.localAddress().getAddress().getHostAddress();
        ImapLog.preLogin("Disconnected: Connection queue full (no auth attempts in 0 secs): user=<>, "
                + ImapLog.connectionFields(rip, lip, connection.isSecure(), connection.id()));
    }

    @Override
    public ProtocolSession newSession(Connection connection) {
        return new ImapSession(connection, this, dispatcher);
    }

    @Override
    public MailParameters parameters() {
        return parameters;
    }

    @Override
    public UserDirectory users() {
        return users;
    }

    @Override
    public AuthPenalty penalty() {
        return penalty;
    }

    @Override
    public Map<String, SaslMechanism> mechanisms() {
        return mechanisms.byName();
    }

    @Override
    public MailStore store(User user) {
        return stores.storeFor(user, parameters);
    }

    @Override
    public String storeType(User user) {
        return StoreSelection.typeFor(user, parameters);
    }

    @Override
    public LoginRegistry logins() {
        return logins;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public FetchDataSource fetchData() {
        return fetchData;
    }

    @Override
    public SearchEngine searchEngine() {
        return searchEngine;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
