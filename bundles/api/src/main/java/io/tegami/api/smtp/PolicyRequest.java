package io.tegami.api.smtp;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the SMTP server knows when it asks a {@link SmtpPolicy}: the attributes of Postfix's policy
 * delegation protocol (SMTPD_POLICY_README), typed. Values not known yet at this stage are
 * {@code null} (or 0); the sender of the null reverse-path is the empty string.
 *
 * @param stage the command being checked: {@code CONNECT}, {@code EHLO}, {@code HELO},
 *        {@code MAIL}, {@code RCPT}, {@code DATA}, {@code BDAT}, {@code END-OF-MESSAGE}, {@code VRFY},
 *        {@code ETRN}
 * @param protocol {@code SMTP} or {@code ESMTP}
 * @param clientAddress the client's IP address
 * @param clientName the client's verified host name, or {@code unknown}
 * @param reverseClientName the client's unverified PTR name, or {@code unknown}
 * @param heloName the HELO/EHLO argument, or {@code null}
 * @param sender the MAIL FROM address, or {@code null} before MAIL
 * @param recipient the RCPT TO address being checked, or {@code null} outside RCPT
 * @param recipientCount recipients accepted so far in the transaction (all of them at DATA and
 *        END-OF-MESSAGE)
 * @param queueId the queue id once it exists, or {@code null}
 * @param saslUsername the authenticated user, or {@code null}
 * @param encrypted whether TLS protects the session
 * @param size the SIZE= parameter of MAIL, or the message size at END-OF-MESSAGE; 0 if unknown
 * @param listener the name of the listener the client came in on (Postfix's service name)
 */
public record PolicyRequest(String stage, String protocol, InetAddress clientAddress, String clientName,
        String reverseClientName, String heloName, String sender, String recipient, int recipientCount,
        String queueId, String saslUsername, boolean encrypted, long size, String listener) {

    /**
     * The request in Postfix's policy delegation form ({@code request=smtpd_access_policy},
     * {@code protocol_state}, {@code client_address}...), for policies that forward it to a
     * Postfix policy server or log it. Unknown values are empty strings, as Postfix sends them.
     */
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("request", "smtpd_access_policy");
        a.put("protocol_state", stage);
        a.put("protocol_name", text(protocol));
        a.put("helo_name", text(heloName));
        a.put("queue_id", text(queueId));
        a.put("sender", text(sender));
        a.put("recipient", text(recipient));
        a.put("recipient_count", Integer.toString(recipientCount));
        a.put("client_address", clientAddress == null ? "" : clientAddress.getHostAddress());
        a.put("client_name", text(clientName));
        a.put("reverse_client_name", text(reverseClientName));
        a.put("sasl_username", text(saslUsername));
        a.put("encryption_protocol", encrypted ? "TLS" : "");
        a.put("size", Long.toString(size));
        a.put("service", text(listener));
        return a;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
