package io.tegami.shell.queue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.shell.CommandFailedException;

/**
 * {@code postcat -q [-e] [-h] [-b] ID...}: a queued message as Postfix's postcat shows a queue file,
 * envelope records by their Postfix names, then the content, streamed from the spool:
 *
 * <pre>
 * *** ENVELOPE RECORDS deferred/0005F3A1B2C4 ***
 * message_size:             512               0               1               0             512               0
 * message_arrival_time: Fri Nov 27 20:10:00 2020
 * named_attribute: protocol=local
 * sender: alice@example.org
 * done_recipient: bob@example.org
 * recipient: carol@example.org
 * *** MESSAGE CONTENTS deferred/0005F3A1B2C4 ***
 * Subject: ...
 *
 * body
 * *** HEADER EXTRACTED deferred/0005F3A1B2C4 ***
 * *** MESSAGE FILE END deferred/0005F3A1B2C4 ***
 * </pre>
 *
 * {@code -e}, {@code -h}, {@code -b} select the envelope (and the section markers), the header and
 * the body; without any of them everything is shown. Tegami's queue files have no data offset, so
 * the second {@code message_size} field is 0.
 */
final class Postcat {

    private static final int CHUNK = 64 * 1024;

    private final MailQueue queue;
    private final ZoneId zone;

    /** @param queue the queue, or null while it is not running */
    Postcat(MailQueue queue, ZoneId zone) {
        this.queue = queue;
        this.zone = zone;
    }

    void run(String[] args, PrintStream out) {
        boolean env = false;
        boolean header = false;
        boolean body = false;
        boolean byQueueId = false;
        List<String> ids = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1 && ids.isEmpty()) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'e' -> env = true;
                        case 'h' -> header = true;
                        case 'b' -> body = true;
                        case 'q' -> byQueueId = true;
                        case 'v', 'o', 'd' -> { } // verbose, offsets, decimal types: no such records here
                        default -> throw usage();
                    }
                }
            } else {
                ids.add(a);
            }
        }
        if (!byQueueId || ids.isEmpty()) {
            throw new CommandFailedException(byQueueId ? "postcat: fatal: usage: postcat -q queue_id..."
                    : "postcat: fatal: only queued messages can be shown here: use postcat -q queue_id");
        }
        if (!env && !header && !body) {
            env = header = body = true;
        }
        if (queue == null) {
            throw new CommandFailedException("postcat: fatal: mail system is down: the mail queue is not running");
        }
        for (String id : ids) {
            show(id, env, header, body, out);
        }
    }

    private void show(String id, boolean env, boolean header, boolean body, PrintStream out) {
        if (!Postsuper.looksLikeQueueId(id)) {
            throw new CommandFailedException("postcat: fatal: bad mail queue ID: " + QueueText.printable(id));
        }
        QueueEntry entry;
        QueuedMessage message;
        try {
            Optional<QueueEntry> e = queue.find(id);
            Optional<QueuedMessage> m = queue.open(id);
            if (e.isEmpty() || m.isEmpty()) {
                throw new CommandFailedException("postcat: fatal: open queue file " + id + ": No such file or directory");
            }
            entry = e.get();
            message = m.get();
        } catch (QueueException e) {
            throw new CommandFailedException("postcat: fatal: " + e.getMessage());
        }
        String path = entry.queueName() + "/" + id;
        if (env) {
            out.print("*** ENVELOPE RECORDS " + path + " ***\n");
            envelope(entry, message, out);
            out.print("*** MESSAGE CONTENTS " + path + " ***\n");
        }
        if (header || body) {
            try (InputStream in = new BufferedInputStream(message.openContent(), 64 * 1024)) {
                content(in, header, body, out);
            } catch (IOException e) {
                throw new CommandFailedException("postcat: fatal: " + id + ": cannot read the queue file: " + e.getMessage());
            }
        }
        if (env) {
            out.print("*** HEADER EXTRACTED " + path + " ***\n");
            String bodyType = message.envelope().attribute(Envelope.BODY);
            if (bodyType != null) {
                out.print("named_attribute: encoding=" + (bodyType.equalsIgnoreCase("8BITMIME") ? "8bit" : "7bit") + "\n");
            }
            out.print("*** MESSAGE FILE END " + path + " ***\n");
        }
        out.flush();
    }

    private void envelope(QueueEntry entry, QueuedMessage message, PrintStream out) {
        Envelope envelope = message.envelope();
        out.print(String.format(Locale.ROOT, "message_size: %15d %15d %15d %15d %15d %15d%n", message.size(), 0,
                envelope.recipients().size(), 0, message.size(), 0).replace(System.lineSeparator(), "\n"));
        out.print("message_arrival_time: " + QueueText.asctime(message.arrivalTime(), zone) + "\n");
        for (Map.Entry<String, String> a : new TreeMap<>(envelope.attributes()).entrySet()) {
            if (!a.getKey().equals(Envelope.BODY)) {
                out.print("named_attribute: " + QueueText.printable(a.getKey() + "=" + a.getValue()) + "\n");
            }
        }
        out.print("sender: " + QueueText.printable(envelope.sender().toString()) + "\n");
        Set<MailAddress> pending = new HashSet<>(entry.pending());
        for (MailAddress rcpt : new java.util.LinkedHashSet<>(envelope.recipients())) {
            out.print((pending.contains(rcpt) ? "recipient: " : "done_recipient: ") + QueueText.printable(rcpt.toString()) + "\n");
        }
    }

    /**
     * Copies the content, the header lines and/or the body lines: the body starts at the first line
     * that is neither a header field nor a continuation (the empty line, usually). Lines go out in
     * pieces of at most {@value #CHUNK} bytes, so a huge line is never held whole.
     */
    private static void content(InputStream in, boolean header, boolean body, PrintStream out) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(256);
        boolean inHeader = true;
        boolean lineStart = true;
        boolean printing = false;
        int b;
        while ((b = in.read()) != -1) {
            chunk.write(b);
            if (b != '\n' && chunk.size() < CHUNK) {
                continue;
            }
            if (lineStart) {
                inHeader = inHeader && isHeaderLine(chunk);
                printing = inHeader ? header : body;
            }
            if (printing) {
                chunk.writeTo(out);
            }
            lineStart = b == '\n';
            chunk.reset();
        }
        if (chunk.size() > 0) { // a last line without its line end
            if (lineStart) {
                inHeader = inHeader && isHeaderLine(chunk);
                printing = inHeader ? header : body;
            }
            if (printing) {
                chunk.writeTo(out);
                out.write('\n');
            }
        } else if (!lineStart && printing) {
            out.write('\n');
        }
    }

    private static boolean isHeaderLine(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.ISO_8859_1).replace("\n", "");
        if (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
            return true;
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static CommandFailedException usage() {
        return new CommandFailedException("postcat: fatal: usage: postcat [-b (body text)] [-e (envelope records)]"
                + " [-h (header text)] [-q (access queue)] [file(s)...]");
    }
}
