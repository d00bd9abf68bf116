package io.tegami.sieve;

import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The envelope {@code sieve-test} runs a script with: {@code -f}, {@code -r} and {@code -a} when
 * given, otherwise taken from the message as Pigeonhole's sieve-test takes it: the sender from
 * Return-Path, Sender or From, the recipient from Envelope-To or To, and the original recipient
 * the final one; {@code sender@example.com} and {@code recipient@example.com} as last resorts.
 */
final class TestEnvelope {

    static final String DEFAULT_SENDER = "sender@example.com";
    static final String DEFAULT_RECIPIENT = "recipient@example.com";

    private TestEnvelope() {
    }

    /** Rejects an option value that is not a plain {@code local@domain} address, as sieve-test does. */
    static void check(ToolArgs options) {
        for (char option : new char[] {'f', 'r', 'a'}) {
            String value = options.values().get(option);
            if (value == null) {
                continue;
            }
            String problem = problem(value);
            if (problem != null) {
                throw new SieveToolException(SieveTestCommand.TOOL + ": Fatal: Invalid -" + option + " parameter: "
                        + problem);
            }
        }
    }

    /** What is wrong with an address given on the command line, in Dovecot's words, or null. */
    static String problem(String value) {
        int at = value.lastIndexOf('@');
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
            return "Invalid character in localpart";
        }
        if (at == 0) {
            return "Empty localpart";
        }
        if (at < 0 || at == value.length() - 1) {
            return "Missing domain";
        }
        return null;
    }

    /** The envelope for this run. */
    static SieveEnvelope of(ToolArgs options, SieveMessage message) {
        String from = options.values().get('f');
        if (from == null) {
            from = firstAddress(message, List.of("Return-Path", "Sender", "From"), DEFAULT_SENDER);
        }
        String to = options.values().get('r');
        if (to == null) {
            to = firstAddress(message, List.of("Envelope-To", "To"), DEFAULT_RECIPIENT);
        }
        String originalTo = options.values().getOrDefault('a', to);
        return new SieveEnvelope(from, to, originalTo, "");
    }

    /** The first address of the first of these fields that has one. */
    private static String firstAddress(SieveMessage message, List<String> fields, String fallback) {
        try {
            for (String field : fields) {
                List<String> values = message.header(field);
                if (!values.isEmpty()) {
                    List<String> addresses = Addresses.parts(List.of(values.get(0)), CoreMatching.ALL);
                    if (!addresses.isEmpty()) {
                        return addresses.get(0);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // FileMessage reads its header when opened: cannot happen
        }
        return fallback;
    }
}
