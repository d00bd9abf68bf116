package io.tegami.queue;

import java.io.IOException;
import java.io.Writer;

/**
 * The human-readable part of a delivery status notification: Postfix's bounce templates
 * (failure, delay, success), and no boiler-plate at all for the postmaster copy.
 */
final class DsnText {

    private DsnText() {
    }

    /** The boiler-plate for {@code kind}, ending with a blank line before the per-recipient lines. */
    static void write(Writer w, DsnComposer.Report r, String hostname) throws IOException {
        switch (r.kind()) {
            case FAILURE -> {
                w.write("This is the mail system at host " + hostname + ".\n\n");
                w.write("I'm sorry to have to inform you that your message could not\n");
                w.write("be delivered to one or more recipients. It's attached below.\n\n");
                assistance(w);
            }
            case DELAY -> {
                w.write("This is the mail system at host " + hostname + ".\n\n");
                w.write("####################################################################\n");
                w.write("# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n");
                w.write("####################################################################\n\n");
                w.write("Your message could not be delivered for more than " + r.warnAfter().toHours() + " hour(s).\n");
                w.write("It will be retried until it is " + r.lifetime().toDays() + " day(s) old.\n\n");
                assistance(w);
            }
            case SUCCESS -> {
                w.write("This is the mail system at host " + hostname + ".\n\n");
                w.write("Your message was successfully delivered to the destination(s)\n");
                w.write("listed below. If the message was delivered to mailbox you will\n");
                w.write("receive no further notifications. Otherwise you may still receive\n");
                w.write("notifications of mail delivery errors from other systems.\n\n");
                w.write("                   The mail system\n");
            }
            case POSTMASTER -> { } // the postmaster gets the facts only, as from Postfix
        }
    }

    private static void assistance(Writer w) throws IOException {
        w.write("For further assistance, please send mail to postmaster.\n\n");
        w.write("If you do so, please include this problem report. You can\n");
        w.write("delete your own text from the attached returned message.\n\n");
        w.write("                   The mail system\n");
    }
}
