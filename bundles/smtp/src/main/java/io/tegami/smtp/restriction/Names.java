package io.tegami.smtp.restriction;

/** The reply classes of smtpd_check.h, as they appear in replies ({@code Sender address rejected}). */
final class Names {

    static final String CLIENT = "Client host";
    static final String HELO = "Helo command";
    static final String SENDER = "Sender address";
    static final String RECIPIENT = "Recipient address";
    static final String DATA = "Data command";
    static final String END_OF_DATA = "End-of-data";
    static final String SASL_USER = "SASL login name";

    private Names() {
    }
}
