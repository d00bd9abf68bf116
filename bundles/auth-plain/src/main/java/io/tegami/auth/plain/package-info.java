/**
 * SASL PLAIN (RFC 4616) and LOGIN as {@link io.tegami.api.sasl.SaslMechanism} services, and the
 * shared {@link io.tegami.api.sasl.AuthPenalty} for failed logins. Private: nothing is exported.
 */
package io.tegami.auth.plain;
