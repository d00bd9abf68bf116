package io.tegami.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The last part of a delivery status notification: the original message, whole
 * ({@code message/rfc822}) or its header only ({@code text/rfc822-headers}), streamed from the
 * spool. What is returned follows Postfix's bounce daemon: a non-delivery notice returns what the
 * sender asked for with {@code RET} (the whole message when it did not say), a postmaster copy the
 * whole message, delay warnings and success notices the header only; and a message larger than
 * {@code bounce_size_limit} is returned as its header only, rather than cut in the middle of its
 * MIME structure.
 */
final class ReturnedMessage {

    private ReturnedMessage() {
    }

    /** True when only the header goes back. */
    static boolean headersOnly(DsnComposer.Report r, long bounceSizeLimit) {
        if (bounceSizeLimit > 0 && (r.size() <= 0 || r.size() > bounceSizeLimit)) {
            return true;
        }
        return switch (r.kind()) {
            case FAILURE -> "HDRS".equalsIgnoreCase(r.envelope().dsnRet());
            case POSTMASTER -> false;
            case DELAY, SUCCESS -> true;
        };
    }

    /** Writes the part's MIME header and the message, after the boundary line. */
    static void write(Writer w, OutputStream out, DsnComposer.Report r, long bounceSizeLimit) throws IOException {
        boolean headers = headersOnly(r, bounceSizeLimit);
        boolean undelivered = r.kind() != DsnComposer.Kind.SUCCESS;
        w.write("Content-Description: " + (undelivered ? "Undelivered " : "")
                + (headers ? "Message Headers" : "Message") + "\n");
        if (r.envelope().smtputf8()) {
            w.write("Content-Type: message/" + (headers ? "global-headers" : "global") + "\n");
        } else {
            w.write("Content-Type: " + (headers ? "text/rfc822-headers" : "message/rfc822") + "\n");
        }
        w.write("\n");
        // Postfix adds the Return-Path the queue does not keep, so header checks see the sender.
        w.write("Return-Path: <" + DsnComposer.oneLine(r.envelope().sender().toString()) + ">\n");
        w.flush();
        try (InputStream in = r.original().open()) {
            if (headers) {
                HeaderSection.copy(in, out);
            } else {
                copyAll(in, out);
            }
        }
    }

    /** Copies the whole message; the part must end with a line break before the boundary. */
    private static void copyAll(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16 * 1024];
        int last = '\n';
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            last = buf[n - 1];
        }
        if (last != '\n') {
            out.write('\n');
        }
    }
}
