package io.tegami.managesieve;

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
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.user.UserDirectory;
import io.tegami.managesieve.session.SieveLog;
import io.tegami.managesieve.session.SieveServices;
import io.tegami.managesieve.session.SieveSession;

/**
 * The ManageSieve server (RFC 5804) as the {@code sieve} protocol of Tegami's listeners (port
 * 4190, STARTTLS): one {@link SieveSession} per connection. Scripts are kept where delivery looks
 * for them ({@link io.tegami.api.sieve.SieveScriptLocation}, Pigeonhole's layout).
 *
 * <p>Every reference is dynamic and greedy so that the configuration, the user directory, the
 * Sieve engine and the mechanisms can come and go under live sessions: without a user directory
 * logins fail temporarily, without the engine scripts cannot be uploaded ({@code NO (TRYLATER)})
 * but can still be listed, fetched, activated and deleted.
 */
@Component(service = ProtocolHandler.class, property = {
        ProtocolHandler.PROTOCOL + "=sieve",
        ProtocolHandler.DEFAULT_PORTS + "=4190"})
public class ManageSieveProtocolHandler implements ProtocolHandler, SieveServices {

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SieveEngine engine;

    private final MechanismRegistry mechanisms = new MechanismRegistry();

    /** For tests: the services DS would inject. */
    public void bind(MailParameters parameters, UserDirectory users, AuthPenalty penalty, SieveEngine engine) {
        this.parameters = parameters;
        this.users = users;
        this.penalty = penalty;
        this.engine = engine;
    }

    /** For tests: the login registry DS would inject. */
    public void bindLogins(LoginRegistry registry) {
        this.logins = registry;
    }

    @Reference(service = SaslMechanism.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMechanism")
    public void addMechanism(SaslMechanism mechanism, Map<String, Object> properties) {
        mechanisms.add(mechanism, properties);
    }

    void removeMechanism(SaslMechanism mechanism) {
        mechanisms.remove(mechanism);
    }

    /** The listener is full: Dovecot's words when its login processes are. */
    @Override
    public void refuse(Connection connection) {
        connection.write("BYE \"Connection queue full\"\r\n");
        SieveLog.preLogin("Disconnected: Connection queue full (no auth attempts in 0 secs): user=<>, "
                + SieveLog.connectionFields(connection, false));
    }

    @Override
    public ProtocolSession newSession(Connection connection) {
        return new SieveSession(connection, this);
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
    public LoginRegistry logins() {
        return logins;
    }

    @Override
    public SieveEngine engine() {
        return engine;
    }
}
