package io.tegami.pop3.command;

import java.util.List;

/**
 * The CAPA reply (RFC 2449 section 5), computed for the session's state and connection each time,
 * so that it follows the registered mechanisms: Dovecot's list ({@code CAPA TOP UIDL RESP-CODES
 * PIPELINING AUTH-RESP-CODE}), then, before login only, {@code STLS} while TLS can start,
 * {@code USER} where plaintext logins are allowed and {@code SASL} with the mechanisms offered;
 * and {@code IMPLEMENTATION Tegami} in both states.
 */
final class Capabilities {

    private static final String COMMON = "CAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\n";
    static final String IMPLEMENTATION = "IMPLEMENTATION Tegami\r\n";

    private Capabilities() {
    }

    /** Before login: the whole multi-line reply, terminator included. */
    static String authorization(boolean stls, boolean user, List<String> sasl) {
        StringBuilder sb = new StringBuilder("+OK\r\n").append(COMMON);
        if (stls) {
            sb.append("STLS\r\n");
        }
        if (user) {
            sb.append("USER\r\n");
        }
        if (!sasl.isEmpty()) {
            sb.append("SASL ").append(String.join(" ", sasl)).append("\r\n");
        }
        return sb.append(IMPLEMENTATION).append(".\r\n").toString();
    }

    /** After login. */
    static String transaction() {
        return "+OK\r\n" + COMMON + IMPLEMENTATION + ".\r\n";
    }
}
