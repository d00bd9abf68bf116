package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;

/**
 * Appends a message to a {@code /file} alias target in mbox form, as local(8)'s file delivery:
 * {@code From_} line, {@code Return-Path:} and {@code Delivered-To:}, the quoted message, and a
 * blank line. The file is locked with a {@code file.lock} dot-lock and an fcntl lock, as
 * Postfix's {@code mailbox_delivery_lock = fcntl, dotlock}; a failure truncates the file back to
 * its old length, so a half-written message never stays behind.
 */
final class FileDelivery {

    /** A dot-lock older than this belongs to a dead writer (Postfix's stale lock time is 500s). */
    static final Duration STALE = Duration.ofSeconds(500);

    private FileDelivery() {
    }

    static DeliveryResult append(Path file, MailAddress sender, MailAddress recipient, InputStream content, Instant now,
            boolean deliveredTo) {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try {
            if (!dotLock(lock)) {
                return DeliveryResult.deferred("4.2.0", LocalDeliveryAgent.RELAY, "cannot lock " + file + ": lock file busy");
            }
        } catch (IOException e) {
            return DeliveryResult.deferred("4.2.0", LocalDeliveryAgent.RELAY, "cannot create lock " + lock + ": " + e.getMessage());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock fcntl = channel.lock()) {
            long start = channel.size();
            channel.position(start);
            try {
                OutputStream out = Channels.newOutputStream(channel);
                String head = DeliveryHeaders.headers(sender, recipient);
                if (!deliveredTo) {
                    head = head.substring(0, head.indexOf('\n') + 1); // Return-Path only
                }
                out.write((MboxLines.fromLine(sender, now) + head).getBytes(StandardCharsets.UTF_8));
                boolean newline = MboxLines.copyQuoted(content, out);
                out.write(newline ? "\n".getBytes(StandardCharsets.US_ASCII) : "\n\n".getBytes(StandardCharsets.US_ASCII));
                channel.force(true);
            } catch (IOException e) {
                channel.truncate(start);
                return DeliveryResult.deferred("4.2.0", LocalDeliveryAgent.RELAY, "cannot append message to file " + file + ": " + e.getMessage());
            }
        } catch (IOException e) {
            return DeliveryResult.bounced("5.2.0", LocalDeliveryAgent.RELAY, "cannot open file " + file + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // a left-over lock goes stale and is removed by the next writer
            }
        }
        return DeliveryResult.sent(LocalDeliveryAgent.RELAY, "delivered to file: " + file);
    }

    private static boolean dotLock(Path lock) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                Files.writeString(lock, ProcessHandle.current().pid() + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                try {
                    FileTime age = Files.getLastModifiedTime(lock);
                    if (age.toInstant().isBefore(Instant.now().minus(STALE))) {
                        Files.deleteIfExists(lock);
                        continue;
                    }
                } catch (IOException gone) {
                    continue; // removed meanwhile: try again
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
