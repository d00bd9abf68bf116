package io.tegami.itests;

import java.io.IOException;
import java.util.Map;

/**
 * A load generator: one SMTP connection per message, each message with a unique token in its
 * subject ({@code hotswap N-M}), back to back with a short pause. Every token answered
 * {@code 250 ... queued as} goes into {@code acknowledged}, with the time of the reply. A 421
 * anywhere is the protocol's goodbye; any other 4xx/5xx reply is a rejection.
 */
final class SmtpLoadSender extends LoadClient {

    private final int port;
    private final int sender;
    private final String recipient;
    private final String subjectSuffix;
    private final Map<String, Long> acknowledged;
    private long lingerMillis;
    private int next;
    private int attempts;

    SmtpLoadSender(SwapJournal journal, int port, int sender, String recipient, String subjectSuffix,
            Map<String, Long> acknowledged) {
        super("smtp-" + sender, journal);
        this.port = port;
        this.sender = sender;
        this.recipient = recipient;
        this.subjectSuffix = subjectSuffix;
        this.acknowledged = acknowledged;
    }

    int attempts() {
        return attempts;
    }

    /**
     * Keeps each session open this long after HELO, with a NOOP every 200 ms, so that a swap of
     * the smtp bundle meets a session in progress (and its 421) rather than only refused connects.
     */
    SmtpLoadSender linger(long millis) {
        this.lingerMillis = millis;
        return this;
    }

    @Override
    void session() throws IOException, InterruptedException {
        String token = sender + "-" + next++;
        attempts++;
        connect(port);
        expect(reply(), "220", "greeting");
        expect(command("HELO load.example"), "250", "HELO");
        for (long end = System.currentTimeMillis() + lingerMillis; System.currentTimeMillis() < end && running(); ) {
            Thread.sleep(200);
            expect(command("NOOP"), "250", "NOOP");
        }
        expect(command("MAIL FROM:<load@example.org>"), "250", "MAIL");
        expect(command("RCPT TO:<" + recipient + ">"), "250", "RCPT");
        expect(command("DATA"), "354", "DATA");
        send("From: <load@example.org>\r\nTo: <" + recipient + ">\r\nSubject: hotswap " + token + subjectSuffix
                + "\r\n\r\n" + "Load for the hot-swap test.\r\n".repeat(20) + ".\r\n");
        String done = reply();
        expect(done, "250", "end of data");
        if (!done.contains("queued as")) {
            throw new Trouble(SwapJournal.Kind.ERROR, "250 without a queue id: " + done);
        }
        acknowledged.put(token, System.currentTimeMillis());
        established();
        send("QUIT\r\n");
        reply();
        closeQuietly();
        Thread.sleep(120);
    }

    private String command(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    /** The last line of one (possibly multi-line) reply. */
    private String reply() throws IOException {
        String line = line();
        while (line.length() > 3 && line.charAt(3) == '-') {
            line = line();
        }
        return line;
    }

    private static void expect(String reply, String code, String step) throws Trouble {
        if (reply.startsWith(code)) {
            return;
        }
        if (reply.startsWith("421")) {
            throw new Trouble(SwapJournal.Kind.GOODBYE, reply + " (at " + step + ")");
        }
        throw new Trouble(reply.startsWith("4") || reply.startsWith("5") ? SwapJournal.Kind.REJECTED
                : SwapJournal.Kind.ERROR, reply + " (at " + step + ")");
    }
}
