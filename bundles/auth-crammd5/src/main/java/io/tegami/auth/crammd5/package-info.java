/**
 * SASL CRAM-MD5 (RFC 2195) as a {@link io.tegami.api.sasl.SaslMechanism} service, verifying
 * against Dovecot's stored HMAC-MD5 contexts. Private: nothing is exported.
 */
package io.tegami.auth.crammd5;
