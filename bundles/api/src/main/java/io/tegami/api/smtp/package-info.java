/**
 * SMTP policy plugins: restrictions that a bundle adds to Postfix's restriction lists
 * ({@code smtpd_client_restrictions} ... {@code smtpd_end_of_data_restrictions}).
 *
 * <p>A plugin registers an {@link io.tegami.api.smtp.SmtpPolicy} service with the
 * {@link io.tegami.api.smtp.SmtpPolicy#RESTRICTION} service property naming the restriction(s) it
 * answers to (for example {@code reject_rbl_client}), and, when the restriction takes an argument
 * from the list (a DNS zone, a table, a server address), {@link io.tegami.api.smtp.SmtpPolicy#ARGUMENTS}
 * = 1. The admin then writes that name in a restriction list exactly as a built-in one:
 * {@code smtpd_client_restrictions = permit_mynetworks, reject_rbl_client zen.example}.
 *
 * <p>At each check the SMTP server hands the policy a {@link io.tegami.api.smtp.PolicyRequest}
 * (the attributes of Postfix's policy delegation protocol, SMTPD_POLICY_README) and the policy
 * answers with a {@link io.tegami.api.smtp.PolicyAction}: an access(5) action, interpreted exactly
 * as the result of a {@code check_*_access} table ({@code DUNNO}, {@code OK}, {@code REJECT text},
 * {@code DEFER_IF_PERMIT text}, {@code 554 5.7.1 text}, {@code WARN text}...), so
 * {@code warn_if_reject}, {@code soft_bounce} and {@code smtpd_delay_reject} apply to plugin
 * answers as to built-in ones. One Tegami extension: {@code REPLY code d.s.n text}
 * ({@link io.tegami.api.smtp.PolicyAction#reply(String)}) refuses with exactly that reply, for
 * policies that word their own, as Postfix's {@code reject_rbl_client} does.
 *
 * <p>Threading: {@link io.tegami.api.smtp.SmtpPolicy#check} is called on an SMTP session thread
 * and must not block for long: do network work asynchronously and return an unfinished stage.
 * The server waits for the stage at most {@code smtpd_policy_service_timeout}; a policy that
 * times out, fails, or is not registered (its bundle stopped) makes the server answer
 * {@code 451 4.3.5 Server configuration problem}, as Postfix does when a policy server is
 * unreachable: mail is deferred, never accepted unchecked nor lost. A policy that prefers to
 * fail open (a DNS block list whose servers are silent) completes with {@code DUNNO} itself.
 */
@Export
@Version("1.1.0")
package io.tegami.api.smtp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
