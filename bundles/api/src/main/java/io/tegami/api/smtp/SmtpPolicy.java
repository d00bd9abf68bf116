package io.tegami.api.smtp;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A restriction contributed by a plugin bundle, usable by name in the SMTP server's restriction
 * lists. Register it as an OSGi service with the {@link #RESTRICTION} property; see the package
 * documentation for the threading rules and what happens when it fails.
 */
@ConsumerType
public interface SmtpPolicy {

    /**
     * Service property: the restriction name(s) this policy answers to, lower case
     * ({@code String} or {@code String[]}). When two services claim a name, the one with the
     * highest service ranking wins.
     */
    String RESTRICTION = "smtpd.restriction";

    /**
     * Service property: how many words after the restriction name it takes from the list as its
     * argument, {@code 0} (the default) or {@code 1} ({@code reject_rbl_client zone}).
     */
    String ARGUMENTS = "smtpd.restriction.arguments";

    /**
     * Checks one SMTP command (or the connection, or the end of data) against this policy.
     *
     * @param name the restriction name as written in the list, lower case (one policy may answer
     *        to several names, as {@code reject_rbl_client} and {@code permit_dnswl_client})
     * @param argument the word that followed the name in the list, or {@code null} for a policy
     *        that takes none
     * @param request what the server knows at this point of the session
     * @return the access(5) action; {@link PolicyAction#DUNNO} to let the next restriction decide
     */
    CompletionStage<PolicyAction> check(String name, String argument, PolicyRequest request);
}
