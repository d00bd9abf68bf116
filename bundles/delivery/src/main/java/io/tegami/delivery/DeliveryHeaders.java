package io.tegami.delivery;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

import io.tegami.api.mail.MailAddress;

/**
 * The trace headers local delivery adds in front of a message, as Postfix's local(8) does:
 * {@code Return-Path: <sender>} (the envelope sender, {@code <>} for bounces) and
 * {@code Delivered-To: recipient}, which also lets loops be spotted.
 */
final class DeliveryHeaders {

    private DeliveryHeaders() {
    }

    static String headers(MailAddress sender, MailAddress recipient) {
        return "Return-Path: <" + oneLine(sender.toString()) + ">\n"
                + "Delivered-To: " + oneLine(recipient.toString()) + "\n";
    }

    /** The headers followed by the content, streamed: the message is never copied into memory. */
    static InputStream prepend(MailAddress sender, MailAddress recipient, InputStream content) {
        byte[] head = headers(sender, recipient).getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(head), content);
    }

    /** An address can carry no line break into a header (no header injection). */
    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "");
    }
}
