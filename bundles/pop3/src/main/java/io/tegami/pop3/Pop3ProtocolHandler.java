package io.tegami.pop3;

import java.time.Clock;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
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
import io.tegami.api.user.UserDirectory;
import io.tegami.pop3.maildrop.MaildropLocks;
import io.tegami.pop3.session.Pop3Log;
import io.tegami.pop3.session.Pop3Services;
import io.tegami.pop3.session.Pop3Session;

/**
 * The POP3 server (RFC 1939 with CAPA, STLS, SASL AUTH) as the {@code pop3} protocol of Tegami's
 * listeners (pop3 110 with STLS, pop3s 995 with implicit TLS): one {@link Pop3Session} per
 * connection.
 *
 * <p>Every reference is dynamic and greedy so that the configuration, the user directory, the
 * stores and the mechanisms can be swapped under live sessions. Without a user directory logins
 * fail temporarily ({@code -ERR [SYS/TEMP]}); without the user's store the login is refused the
 * same way, so clients retry and no mail is lost. Stores are chosen per user as delivery and IMAP
 * choose them ({@link StoreSelection}): by the prefix of the userdb {@code mail} field or of
 * {@code mail_location}.
 */
@Component(service = ProtocolHandler.class, property = {
        ProtocolHandler.PROTOCOL + "=pop3",
        ProtocolHandler.DEFAULT_PORTS + "=110,995"})
public class Pop3ProtocolHandler implements ProtocolHandler, Pop3Services {

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
    private final MaildropLocks locks = new MaildropLocks();
    private final Clock clock;

    /** For Declarative Services. */
    public Pop3ProtocolHandler() {
        this(Clock.systemDefaultZone());
    }

    /** For tests: a fixed clock (APOP timestamps, log durations). */
    Pop3ProtocolHandler(Clock clock) {
        this.clock = clock;
    }

    /** For tests: the services DS would inject. */
    void bind(MailParameters parameters, UserDirectory users, AuthPenalty penalty) {
        this.parameters = parameters;
        this.users = users;
        this.penalty = penalty;
    }

    @Reference(service = SaslMechanism.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMechanism")
    void addMechanism(SaslMechanism mechanism, Map<String, Object> properties) {
        mechanisms.add(mechanism, properties);
    }

    void removeMechanism(SaslMechanism mechanism) {
        mechanisms.remove(mechanism);
    }

    @Reference(service = MailStore.class, target = "(type=*)", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStore")
    void addStore(MailStore store, Map<String, Object> properties) {
        stores.add(store, properties);
    }

    void removeStore(MailStore store) {
        stores.remove(store);
    }

    /** For tests: the login registry DS would inject. */
    void bindLogins(LoginRegistry registry) {
        this.logins = registry;
    }

    /** The listener is full: Dovecot's words when its login processes are. */
    @Override
    public void refuse(Connection connection) {
        connection.write("-ERR Connection queue full\r\n");
        Pop3Log.preLogin("Disconnected: Connection queue full (no auth attempts in 0 secs): user=<>, "
                + Pop3Log.connectionFields(connection, false));
    }

    @Override
    public ProtocolSession newSession(Connection connection) {
        return new Pop3Session(connection, this, clock);
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
    public Map<String, SaslMechanism> mechanisms() {
        return mechanisms.byName();
    }

    @Override
    public AuthPenalty penalty() {
        return penalty;
    }

    @Override
    public MailStore store(String type) {
        return stores.store(type);
    }

    @Override
    public LoginRegistry logins() {
        return logins;
    }

    @Override
    public MaildropLocks locks() {
        return locks;
    }
}
