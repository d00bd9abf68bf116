package io.tegami.net;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of a listener ({@code tegami.listener} factory configuration) for consoles and
 * {@code postconf}-style tools. The component reads the raw dictionary ({@link ListenerSettings})
 * because every key not named here is passed on to the protocol as a listener option.
 */
@ObjectClassDefinition(id = Listener.FACTORY_PID, name = "Tegami listener",
        description = "A TCP port served by the protocol handler of the same protocol. Other keys "
                + "(e.g. smtpd_tls_security_level=encrypt) are passed to the protocol, like master.cf -o.")
@interface ListenerConfig {

    @AttributeDefinition(description = "Listener name (smtp, submission, smtps...); defaults to the protocol",
            required = false)
    String name();

    @AttributeDefinition(description = "Protocol served: smtp, imap, pop3, managesieve...")
    String protocol();

    @AttributeDefinition(description = "Addresses to bind, comma separated; * for all. Unset: main.cf inet_interfaces "
            + "for smtp listeners, listen for the others (imap, pop3, managesieve)", required = false)
    String address();

    @AttributeDefinition(description = "TCP port")
    int port();

    @AttributeDefinition(description = "TLS on this port", options = {
        @Option(value = "none", label = "none"),
        @Option(value = "starttls", label = "STARTTLS upgrade"),
        @Option(value = "implicit", label = "implicit TLS (465, 993, 995)")})
    String tls() default "none";

    @AttributeDefinition(description = "Seconds without input before the session is told it is idle")
    int idle__timeout() default 300;

    @AttributeDefinition(description = "Longest line delivered in one piece, in bytes")
    int max__line__length() default 2048;

    @AttributeDefinition(description = "Live connections allowed at once; 0 for no limit")
    int max__connections() default 100;
}
