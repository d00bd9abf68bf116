package io.tegami.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-shot checks of whether a bundle without a port of its own does its work right now: a
 * CRAM-MD5 login over IMAP, an alias accepted at RCPT, the RBL restriction answering, the store
 * serving a SELECT. Each opens its own connection and answers true or false, never throws.
 */
final class ServiceChecks {

    private final int smtpPort;
    private final int rblPort;
    private final int imapPort;

    ServiceChecks(int smtpPort, int rblPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.rblPort = rblPort;
        this.imapPort = imapPort;
    }

    /** AUTHENTICATE CRAM-MD5 (RFC 2195) as alice succeeds. */
    boolean cramMd5() {
        try (Pop3Client imap = new Pop3Client(imapPort)) {
            imap.line();
            String challenge = imap.command("c AUTHENTICATE CRAM-MD5");
            if (!challenge.startsWith("+ ")) {
                return false;
            }
            byte[] nonce = Base64.getDecoder().decode(challenge.substring(2).trim());
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            String response = "alice " + HexFormat.of().formatHex(mac.doFinal(nonce));
            String done = imap.command(Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8)));
            while (done != null && done.startsWith("* ")) {
                done = imap.line();
            }
            return done != null && done.startsWith("c OK");
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** RCPT TO the alias {@code team} is accepted. */
    boolean alias() {
        return rcptAccepted(smtpPort, "team@localhost");
    }

    /** RCPT on the listener whose client restrictions ask the RBL is accepted. */
    boolean rbl() {
        return rcptAccepted(rblPort, "alice@localhost");
    }

    /** alice can log in over IMAP and select INBOX. */
    boolean store() {
        try (Pop3Client imap = new Pop3Client(imapPort)) {
            imap.line();
            if (!imap.command("a LOGIN alice secret").startsWith("a OK")) {
                return false;
            }
            imap.send("b SELECT INBOX\r\n");
            String select;
            do {
                select = imap.line();
            } while (select != null && !select.startsWith("b ") && !select.startsWith("* BYE"));
            return select != null && select.startsWith("b OK");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean rcptAccepted(int port, String recipient) {
        try (SmtpClient smtp = new SmtpClient(port)) {
            smtp.replyLine();
            smtp.command("HELO check.example");
            smtp.command("MAIL FROM:<check@example.org>");
            String rcpt = smtp.command("RCPT TO:<" + recipient + ">");
            smtp.command("QUIT");
            return rcpt != null && rcpt.startsWith("250");
        } catch (IOException e) {
            return false;
        }
    }
}
