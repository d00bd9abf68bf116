package io.tegami.smtp.restriction;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.smtp.session.ClientNameResolver;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's check_policy_service() for plugin policies ({@link io.tegami.api.smtp.SmtpPolicy}):
 * asks the policy, waits on the session thread at most {@code smtpd_policy_service_timeout}, and
 * interprets the answer as an access(5) table result. A policy that fails, times out or has gone
 * gets {@code smtpd_policy_service_default_action} ({@code 451 4.3.5 Server configuration
 * problem}) instead, so mail is deferred, never accepted unchecked.
 */
final class PolicyChecks {

    static final String DEFAULT_ACTION = "451 4.3.5 Server configuration problem";
    static final String DEFAULT_TIMEOUT = "100s";

    private PolicyChecks() {
    }

    /** Asks {@code binding}'s policy, registered under {@code name}, with the list's {@code argument}. */
    static Status apply(CheckState state, PolicyServices.Binding binding, String name, String argument) {
        String label = argument == null ? name : name + " " + argument;
        Duration timeout = timeout(state);
        String action;
        try {
            CompletionStage<PolicyAction> stage = binding.policy().check(name, argument, request(state));
            PolicyAction answer = stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new ExecutionException("no answer", null);
            }
            action = answer.text();
        } catch (TimeoutException e) {
            SmtpdLog.warn("timeout talking to policy {} after {}s", label, timeout.toSeconds());
            action = defaultAction(state);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            action = defaultAction(state);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            SmtpdLog.warn("problem talking to policy {}: {}", label, String.valueOf(cause));
            action = defaultAction(state);
        }
        if (action.startsWith(PolicyAction.REPLY + " ")) {
            return reply(state, label, action.substring(PolicyAction.REPLY.length() + 1).strip());
        }
        return TableResult.apply(state, label, action, state.replyName, state.replyClass);
    }

    /** {@code REPLY code d.s.n text}: the policy's own wording, as Postfix's RBL replies. */
    private static Status reply(CheckState state, String label, String reply) {
        String[] words = reply.split(" ", 2);
        if (words.length < 2 || !words[0].matches("[45]\\d\\d") || words[1].isBlank()) {
            SmtpdLog.warn("policy {}: malformed reply \"{}\"", label, reply);
            throw Rejects.serverError(state);
        }
        // A reply without d.s.n gets X.7.1, as Postfix's RBL reply templates do.
        Dsn.Split split = Dsn.split(words[0].charAt(0) + ".7.1", words[1]);
        return Rejects.reject(state, ErrorClass.POLICY, Integer.parseInt(words[0]), Dsn.fix(split.dsn(), state.replyClass),
                split.text());
    }

    /** A policy that was registered once and is gone: its bundle stopped. */
    static Status unavailable(CheckState state, String name) {
        SmtpdLog.warn("restriction {}: policy service is not available", name);
        return TableResult.apply(state, name, defaultAction(state), state.replyName, state.replyClass);
    }

    /** What the server knows now, in the policy delegation protocol's terms. */
    static PolicyRequest request(CheckState state) {
        Facts facts = state.facts();
        String name = facts.client().name();
        String protocol = facts.protocol() != null && facts.protocol().toUpperCase(Locale.ROOT).startsWith("ESMTP")
                ? "ESMTP" : "SMTP";
        // Tegami keeps the verified name only; without one, the PTR name is not known here either.
        String reverse = name == null ? ClientNameResolver.UNKNOWN : name;
        return new PolicyRequest(state.where, protocol, facts.ip(), name, reverse, state.helo, state.sender,
                state.recipient, facts.recipientCount(), facts.queueId(), facts.saslUsername(), facts.secure(), 0,
                state.listener);
    }

    private static String defaultAction(CheckState state) {
        String action = state.settings().get("smtpd_policy_service_default_action", DEFAULT_ACTION);
        return action == null || action.isBlank() ? DEFAULT_ACTION : action.strip();
    }

    /** {@code smtpd_policy_service_timeout}, a Postfix time value (default unit seconds). */
    static Duration timeout(CheckState state) {
        String value = state.settings().get("smtpd_policy_service_timeout", DEFAULT_TIMEOUT);
        Duration parsed = parseTime(value == null ? DEFAULT_TIMEOUT : value.strip());
        if (parsed == null || parsed.isZero() || parsed.isNegative()) {
            SmtpdLog.warn("invalid smtpd_policy_service_timeout: \"{}\"; using {}", value, DEFAULT_TIMEOUT);
            return Duration.ofSeconds(100);
        }
        return parsed;
    }

    /** Postfix time units: s(econds, the default), m(inutes), h(ours), d(ays), w(eeks). */
    static Duration parseTime(String value) {
        if (value.isEmpty()) {
            return null;
        }
        char unit = value.charAt(value.length() - 1);
        String digits = Character.isDigit(unit) ? value : value.substring(0, value.length() - 1);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
        return switch (Character.isDigit(unit) ? 's' : Character.toLowerCase(unit)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> null;
        };
    }
}
