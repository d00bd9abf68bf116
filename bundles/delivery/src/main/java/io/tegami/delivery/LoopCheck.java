package io.tegami.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.tegami.api.queue.QueuedMessage;

/**
 * local(8)'s forwarding loop test: a message whose header already has a {@code Delivered-To:}
 * line for the recipient has been here before (a forward came back) and is bounced with
 * "mail forwarding loop for ...". Only the header is read.
 */
final class LoopCheck {

    private LoopCheck() {
    }

    static boolean deliveredBefore(QueuedMessage message, String recipient) throws IOException {
        String wanted = recipient.toLowerCase(Locale.ROOT);
        try (InputStream in = message.openContent();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                if (line.regionMatches(true, 0, "Delivered-To:", 0, 13)
                        && line.substring(13).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
