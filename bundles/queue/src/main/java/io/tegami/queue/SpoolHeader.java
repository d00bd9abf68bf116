package io.tegami.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;

/**
 * The envelope part of a queue file as read back from disk.
 *
 * @param queueId the queue id recorded in the file
 * @param arrival when the message was queued
 * @param envelope sender, every recipient and the attributes
 * @param recipients one record per envelope recipient, with its done mark and where that mark lives
 * @param contentOffset the byte offset where the message content starts
 */
record SpoolHeader(String queueId, Instant arrival, Envelope envelope, List<Recipient> recipients, long contentOffset) {

    SpoolHeader {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(envelope, "envelope");
        recipients = List.copyOf(recipients);
    }

    /**
     * One recipient record.
     *
     * @param address the recipient
     * @param markOffset the file offset of the record's type byte, rewritten in place when done
     * @param done true once the recipient was delivered or bounced
     */
    record Recipient(MailAddress address, long markOffset, boolean done) {
    }

    /** The recipients still to deliver. */
    List<Recipient> pending() {
        return recipients.stream().filter(r -> !r.done()).toList();
    }

    List<MailAddress> pendingAddresses() {
        return pending().stream().map(Recipient::address).toList();
    }
}
