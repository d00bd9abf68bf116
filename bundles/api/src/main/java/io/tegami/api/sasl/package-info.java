/**
 * SASL (RFC 4422): how a client proves who it is, independent of the protocol that carries it.
 *
 * <h2>Mechanisms are services</h2>
 * A mechanism is a {@link io.tegami.api.sasl.SaslMechanism} service with the service property
 * {@value io.tegami.api.sasl.SaslMechanism#MECHANISM} set to its upper-case name ({@code PLAIN},
 * {@code LOGIN}, {@code CRAM-MD5}). Protocols (SMTP AUTH, IMAP AUTHENTICATE, POP3 AUTH,
 * ManageSieve AUTHENTICATE) hold a dynamic, multiple reference to them and offer exactly the
 * registered mechanisms that Dovecot's {@code auth_mechanisms} lists, computed anew for every
 * capability list: a mechanism whose bundle stops disappears from EHLO and CAPABILITY at once.
 * Mechanisms that send the password in clear ({@link io.tegami.api.sasl.SaslMechanism#isPlaintext()})
 * are offered only on secure connections (TLS, or loopback) unless {@code disable_plaintext_auth = no}.
 * A protocol keeps the services in a {@link io.tegami.api.sasl.MechanismRegistry} and asks
 * {@link io.tegami.api.sasl.SaslOffer} what to advertise and accept, so that every protocol,
 * ours or a plugin's, applies these rules alike.
 *
 * <h2>One exchange</h2>
 * For each AUTH command the protocol calls {@link io.tegami.api.sasl.SaslMechanism#start} with a
 * {@link io.tegami.api.sasl.SaslContext} and feeds the resulting
 * {@link io.tegami.api.sasl.SaslExchange} the client's decoded responses until it returns a
 * {@link io.tegami.api.sasl.SaslResult.Success} or {@link io.tegami.api.sasl.SaslResult.Failure}.
 * Encoding (base64, {@code *} to cancel, {@code =} for an empty initial response) and replies
 * ({@code 334}, {@code 235}, {@code 535}) are the protocol's job; mechanisms see bytes only.
 *
 * <h2>Failed logins</h2>
 * Protocols report every failure and success to the {@link io.tegami.api.sasl.AuthPenalty}
 * service, which is shared so that failures over SMTP and IMAP from one address add up (Dovecot's
 * auth penalty), hold the failure reply for the delay it returns, and never tell the client
 * whether the user exists. {@link io.tegami.api.sasl.SaslResult.Failure#reason()} is for the log only.
 * {@link io.tegami.api.sasl.PenaltyReplies} does this the same way for every protocol: the failure
 * reply waits in a {@code Connection.executeAfter} task (no thread sleeps), banned clients fail,
 * and a missing or failing penalty service never breaks a login.
 *
 * <h2>Testing a mechanism</h2>
 * The api module's test-jar ({@code io.tegami:api:test-jar:tests}) holds
 * {@code io.tegami.api.sasl.contract.SaslMechanismContract}, a JUnit 5 suite every mechanism runs
 * by subclassing it and providing a client side; see its javadoc. Protocol tests find fakes there
 * too: {@code io.tegami.api.sasl.testing.FakeMechanism} and {@code FakePenalty}, with
 * {@code io.tegami.api.net.testing.FakeConnection} and
 * {@code io.tegami.api.user.testing.FakeUserDirectory}.
 */
@Export
@Version("1.3.0")
package io.tegami.api.sasl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
