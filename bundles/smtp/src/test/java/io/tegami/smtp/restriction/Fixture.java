package io.tegami.smtp.restriction;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.user.testing.FakeUserDirectory;
import io.tegami.smtp.fake.FakeDns;
import io.tegami.smtp.fake.SmtpParameters;
import io.tegami.smtp.session.ClientInfo;
import io.tegami.smtp.session.SmtpSettings;

/**
 * One client and its session, for checking restrictions without a socket: host "host" with
 * mydestination {@code host, localhost.example.org, localhost}, users alice and postmaster, a
 * client 192.0.2.7 without a name, outside {@code mynetworks} (127.0.0.0/8). Stage methods return
 * the reply of a rejection or {@code null}.
 */
final class Fixture {

    final MapMailParameters params = SmtpParameters.standard();
    final Map<String, String> listenerOptions = new HashMap<>();
    final FakeDns dns = new FakeDns();
    final FakeUserDirectory users = new FakeUserDirectory("alice", "postmaster");
    final SessionChecks session = new SessionChecks();
    /** The queue's address rewriters, in the order they apply. */
    final List<AddressRewriter> rewriters = new ArrayList<>();
    /** The alias resolvers (aliases(5)). */
    final List<io.tegami.api.address.AddressResolver> resolvers = new ArrayList<>();
    /** The plugin policies (io.tegami.api.smtp). */
    final PolicyServices policies = new PolicyServices();
    Path home = Path.of(".");
    String clientName = "unknown";
    String clientAddress = "192.0.2.7";
    String saslUser;
    boolean secure;
    int recipientCount;
    String helo = "client.example.com";
    String sender = "sender@example.com";
    boolean withDns = true;
    boolean withUsers = true;

    Fixture() {
        params.set("mynetworks", "127.0.0.0/8");
    }

    Fixture set(String name, String value) {
        params.set(name, value);
        return this;
    }

    CheckState state(String where) {
        SmtpSettings settings = new SmtpSettings(() -> params,
                new ListenerInfo("smtp", "smtp", ListenerInfo.TlsMode.STARTTLS, listenerOptions));
        ClientInfo client = new ClientInfo(clientName, clientAddress, clientAddress.contains(":"));
        Facts facts = new Facts(client, ip(clientAddress), "ESMTP", saslUser, secure, recipientCount, null);
        CheckState state = new CheckState(facts, new RestrictionSettings(settings, home),
                new Lookups(withDns ? dns : null, withUsers ? users : null, rewriters, resolvers, policies), session,
                where);
        state.helo = helo;
        state.sender = sender;
        return state;
    }

    /** RCPT TO with everything delayed to it (smtpd_delay_reject = yes). */
    String rcpt(String recipient) {
        return Stages.recipient(state("RCPT"), recipient);
    }

    /**
     * {@code list} as smtpd_recipient_restrictions, after relay restrictions that let mynetworks
     * relay and refuse others (so remote recipients need {@link #inside()}).
     */
    String recipientRestrictions(String list, String recipient) {
        params.set("smtpd_relay_restrictions", "permit_mynetworks, reject_unauth_destination");
        params.set("smtpd_recipient_restrictions", list);
        return rcpt(recipient);
    }

    /** The client connects from mynetworks. */
    Fixture inside() {
        clientAddress = "127.0.0.1";
        return this;
    }

    String mail(String address) {
        return Stages.sender(state("MAIL"), address);
    }

    String helo(String name) {
        return Stages.helo(state("HELO"), name);
    }

    String client() {
        return Stages.client(state("CONNECT"));
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
