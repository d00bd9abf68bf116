/**
 * Network protocols: how a plugin serves a protocol on Tegami's listeners.
 *
 * <p>The {@code net} bundle owns the sockets (Netty), TLS, line framing, idle timeouts and
 * back-pressure. A protocol is a {@link io.tegami.api.net.ProtocolHandler} service with a
 * {@value io.tegami.api.net.ProtocolHandler#PROTOCOL} service property; every listener configured
 * for that protocol accepts connections only while such a service is registered. For each
 * connection the handler creates a {@link io.tegami.api.net.ProtocolSession}, which receives input
 * as {@link io.tegami.api.net.Line lines} (or counted bytes, for literals) and answers through its
 * {@link io.tegami.api.net.Connection}.
 *
 * <p>Limits: every listener has a {@code max_connections} limit, above which the net bundle
 * refuses connections through {@link io.tegami.api.net.ProtocolHandler#refuse}; a protocol may
 * limit the connections per client ({@link io.tegami.api.net.Connection#clientConnectionCount()},
 * SMTP's {@code smtpd_client_connection_count_limit}). Protocols that log users in register them
 * with the {@link io.tegami.api.net.LoginRegistry}, which enforces Dovecot's
 * {@code mail_max_userip_connections} and lets {@code doveadm who} list and {@code doveadm kick}
 * end the sessions.
 *
 * <p>Threading: all callbacks of one session run on one thread at a time, never on a Netty
 * event loop, so a session may block on disk or DNS; it must not block for longer than its
 * protocol's timeouts allow. Work caused by other threads (a delivery waking IMAP IDLE) is handed
 * to the session's thread with {@link io.tegami.api.net.Connection#execute(Runnable)}. A reply that
 * must wait (an auth penalty, an error tarpit, a pre-greet test) waits with
 * {@link io.tegami.api.net.Connection#executeAfter}, which holds the client's input meanwhile and
 * ties up no thread; a session never sleeps for it.
 *
 * <p>State and stopping: every listener is also published as a
 * {@link io.tegami.api.net.ListenerStatus} (bound addresses, open connections) and a
 * {@link io.tegami.api.net.Drainable}, which {@code postfix stop} drains before the framework
 * stops: the listener closes its server sockets at once and tells its sessions
 * {@link io.tegami.api.net.ProtocolSession#drainRequested()}, so that each ends at its protocol's
 * next safe point (never in the middle of an SMTP DATA). The queue manager registers a
 * {@code Drainable} too (no new deliveries, the running ones finish).
 */
@Export
@Version("1.3.0")
package io.tegami.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
