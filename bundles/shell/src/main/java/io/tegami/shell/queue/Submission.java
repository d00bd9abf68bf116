package io.tegami.shell.queue;

import java.time.ZonedDateTime;

import io.tegami.api.mail.MailAddress;

/**
 * The facts of one local submission that go into the headers pickup adds.
 *
 * @param queueId the message's queue id
 * @param hostname {@code myhostname}
 * @param mailName {@code mail_name} ({@code Tegami})
 * @param uid the submitting user's numeric id, or -1 if unknown
 * @param sender the envelope sender
 * @param fullName {@code -F}, or null
 * @param now the submission time, in the local time zone
 */
record Submission(String queueId, String hostname, String mailName, long uid, MailAddress sender, String fullName,
        ZonedDateTime now) {
}
