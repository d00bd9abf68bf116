package io.tegami.shell.queue;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import io.tegami.shell.CommandFailedException;

/**
 * {@code sendmail [-t] [-i] [-f sender] [-F name] [recipient...]} reading the message from
 * standard input, plus {@code -bp} (mailq) and {@code -q} (flush), as Postfix's sendmail, pickup
 * and cleanup do it together: the message is streamed into the queue (only the header is held, up
 * to {@code header_size_limit}), with Postfix's header additions ({@link Pickup}), and refused
 * beyond {@code message_size_limit}. Nothing is queued unless the whole input arrived.
 */
final class Sendmail {

    private static final Logger PICKUP = LoggerFactory.getLogger("io.tegami.shell.queue.pickup");
    private static final Logger CLEANUP = LoggerFactory.getLogger("io.tegami.shell.queue.cleanup");
    private static final int LINE_PIECE = 64 * 1024;

    /** The message grew beyond {@code message_size_limit}. */
    private static final class TooBig extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final MailQueue queue;
    private final MailParameters parameters;
    private final ProcessUser user;
    private final Clock clock;

    /** @param queue the queue, or null while it is not running; likewise parameters */
    Sendmail(MailQueue queue, MailParameters parameters, ProcessUser user, Clock clock) {
        this.queue = queue;
        this.parameters = parameters;
        this.user = user;
        this.clock = clock;
    }

    void run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        SendmailOptions o = SendmailOptions.parse(args);
        Postqueue postqueue = new Postqueue(queue, clock.getZone());
        switch (o.mode()) {
            case LIST -> postqueue.list(out);
            case FLUSH -> postqueue.flush("sendmail");
            case FLUSH_ONE -> postqueue.flushOne(o.queueId());
            case DELIVER -> deliver(o, stdin, err);
        }
    }

    private void deliver(SendmailOptions o, InputStream stdin, PrintStream err) {
        if (queue == null || parameters == null) {
            throw new CommandFailedException("sendmail: fatal: mail system is down: the mail queue is not running");
        }
        String hostname = parameters.get("myhostname", "localhost");
        String origin = parameters.get("myorigin", hostname);
        MailAddress sender = sender(o.sender(), origin);
        List<MailAddress> recipients = new ArrayList<>();
        for (String arg : o.recipients()) {
            recipients.addAll(AddressList.parse(arg, origin, bad -> warnBad(err, bad)));
        }
        if (recipients.isEmpty() && !o.extract()) {
            throw new CommandFailedException(
                    "sendmail: fatal: Recipient addresses must be specified on the command line or via the -t option");
        }
        MessageInput input = new MessageInput(new BufferedInputStream(stdin, 64 * 1024), o.ignoreDots());
        HeaderReader header;
        try {
            header = HeaderReader.read(input, parameters.getLong("header_size_limit", 102400));
        } catch (IOException e) {
            throw fatal("error reading input: " + e.getMessage());
        }
        if (o.extract()) {
            for (Pickup.Field f : Pickup.recipientFields(header.fields())) {
                recipients.addAll(AddressList.parse(f.value(), origin, bad -> warnBad(err, bad)));
            }
            if (recipients.isEmpty()) {
                throw fatal("No recipient addresses found in message header");
            }
        }
        queue(sender, recipients, o.fullName(), header, input, hostname);
    }

    private String queue(MailAddress sender, List<MailAddress> recipients, String fullName, HeaderReader header,
            MessageInput input, String hostname) {
        long limit = parameters.getLong("message_size_limit", 10_240_000);
        Envelope envelope = new Envelope(sender, recipients, Map.of(Envelope.PROTOCOL, "local"));
        try (MessageWriter w = queue.create(envelope)) {
            Submission s = new Submission(w.queueId(), hostname, parameters.get("mail_name", "Tegami"), user.uid(), sender,
                    fullName, ZonedDateTime.now(clock));
            OutputStream content = new Limited(w.content(), limit);
            Pickup.writeHeader(content, header.fields(), s);
            if (header.blankLine() || header.firstBodyLine() != null) {
                content.write('\n'); // also where the input had none: cleanup separates header and body
            }
            if (header.firstBodyLine() != null) {
                writeLine(content, header.firstBodyLine(), input);
            }
            MessageInput.Line line;
            while ((line = input.next(LINE_PIECE)) != null) {
                writeLine(content, line, input);
            }
            content.flush();
            String id = w.commit();
            PICKUP.info("{}: uid={} from=<{}>", id, user.uid(), sender);
            CLEANUP.info("{}: message-id={}", id, header.messageId().orElse(Pickup.messageId(s)));
            return id;
        } catch (TooBig e) {
            throw fatal("message file too big");
        } catch (QueueException e) {
            throw fatal("error writing queue file: " + e.getMessage());
        } catch (IOException e) {
            throw fatal("error reading input: " + e.getMessage()); // the writer is closed: nothing queued
        }
    }

    private static void writeLine(OutputStream out, MessageInput.Line line, MessageInput input) throws IOException {
        out.write(line.bytes());
        if (line.complete() || input.atEnd()) {
            out.write('\n'); // the queue's content ends every line, the last one too
        }
    }

    /** {@code -f}: {@code <>} is the null sender, a bare name gets {@code @$myorigin}; default: the user. */
    private MailAddress sender(String given, String origin) {
        String s = given == null ? user.name() : given.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            return MailAddress.NULL_SENDER;
        }
        try {
            return AddressList.toAddress(s, origin);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("sendmail: fatal: bad sender address: " + QueueText.printable(s));
        }
    }

    private static void warnBad(PrintStream err, String spec) {
        err.print("sendmail: warning: ignoring bad address: " + QueueText.printable(spec) + "\n");
    }

    private CommandFailedException fatal(String why) {
        return new CommandFailedException("sendmail: fatal: " + user.name() + "(" + user.uid() + "): " + why);
    }

    /** Counts content bytes and fails once they pass the limit (0: no limit, as in Postfix). */
    private static final class Limited extends FilterOutputStream {
        private final long limit;
        private long count;

        Limited(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) throws TooBig {
            count += n;
            if (limit > 0 && count > limit) {
                throw new TooBig();
            }
        }

        @Override
        public void close() {
            // the writer owns the stream
        }
    }
}
