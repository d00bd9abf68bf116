package io.tegami.smtp.data;

/**
 * How a message ended after the final dot.
 *
 * @param accepted true if it was queued
 * @param reply the reply to send ({@code 250 2.0.0 Ok: queued as ...} or the error)
 */
public record DataResult(boolean accepted, String reply) {
}
