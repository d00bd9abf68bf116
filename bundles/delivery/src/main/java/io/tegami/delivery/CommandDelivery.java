package io.tegami.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.user.User;

/**
 * Delivery to {@code |command} alias targets and to {@code mailbox_command}, as local(8) does it:
 * the command gets Postfix's environment ({@code SENDER}, {@code RECIPIENT},
 * {@code ORIGINAL_RECIPIENT}, {@code LOCAL}, {@code EXTENSION}, {@code DOMAIN}, {@code USER},
 * {@code HOME}, {@code SHELL}, {@code LOGNAME}, {@code PATH}, and the {@code export_environment}
 * variables), runs in the user's home (or Tegami's home), and reads the message on its standard
 * input after a {@code From_} line, {@code Return-Path:} and, per
 * {@code prepend_delivered_header}, {@code Delivered-To:}.
 */
final class CommandDelivery {

    /** Postfix's _PATH_DEFPATH. */
    static final String PATH = "/usr/bin:/bin";

    private CommandDelivery() {
    }

    /**
     * @param user the user the delivery is for, or {@code null} for an alias without one
     * @param original the recipient as the message arrived ({@code ORIGINAL_RECIPIENT})
     */
    static DeliveryResult run(MailParameters parameters, QueuedMessage message, String command, MailAddress sender,
            MailAddress recipient, MailAddress original, User user, Instant now) {
        Map<String, String> env = environment(parameters, sender, recipient, original, user);
        Path dir = Path.of(env.get("HOME"));
        if (!Files.isDirectory(dir)) {
            dir = parameters.home();
        }
        Duration limit = parameters.getDuration("command_time_limit", Duration.ofSeconds(1000));
        InputStream input;
        try {
            input = withHeaders(parameters, message.openContent(), sender, recipient, now);
        } catch (IOException e) {
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "cannot read message: " + e.getMessage());
        }
        return CommandRunner.run(command, input, env, dir.toFile(), limit, "command: " + command);
    }

    static Map<String, String> environment(MailParameters parameters, MailAddress sender, MailAddress recipient,
            MailAddress original, User user) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        for (String name : parameters.get("export_environment", "TZ MAIL_CONFIG LANG").split("[,\\s]+")) {
            String v = name.isEmpty() ? null : System.getenv(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        String local = recipient.localPart().toLowerCase(Locale.ROOT);
        String base = LocalUserNames.userName(local, parameters.get("recipient_delimiter", ""));
        env.put("SENDER", sender.isNullSender() ? "" : sender.toString());
        env.put("RECIPIENT", recipient.toString());
        env.put("ORIGINAL_RECIPIENT", original.toString());
        env.put("LOCAL", local);
        env.put("DOMAIN", recipient.domain());
        if (base.length() < local.length()) {
            env.put("EXTENSION", local.substring(base.length() + 1));
        }
        String name = user != null ? user.name() : base;
        env.put("USER", name);
        env.put("LOGNAME", name);
        env.put("HOME", user != null ? user.home().toString() : parameters.home().toString());
        String shell = user != null ? user.fields().get("shell") : null;
        env.put("SHELL", shell == null || shell.isEmpty() ? "/bin/sh" : shell);
        return env;
    }

    /**
     * local(8)'s own {@code $name} expansion of {@code mailbox_command}: {@code $user},
     * {@code $home}, {@code $shell}, {@code $extension}, {@code $recipient}, {@code $local},
     * {@code $domain}, {@code $sender} (and {@code ${name}}), from the command's environment.
     * Other names, such as the shell's {@code $EXTENSION}, are left for the shell.
     */
    static String expand(String command, Map<String, String> env) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\$(?:\\{([a-z_]+)\\}|([a-z_]+))").matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = switch (name) {
                case "user", "home", "shell", "extension", "recipient", "local", "domain", "sender" ->
                        env.getOrDefault(name.toUpperCase(Locale.ROOT), "");
                default -> null;
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static InputStream withHeaders(MailParameters parameters, InputStream content, MailAddress sender,
            MailAddress recipient, Instant now) {
        StringBuilder head = new StringBuilder(MboxLines.fromLine(sender, now));
        head.append("Return-Path: <").append(oneLine(sender.toString())).append(">\n");
        if (prepends(parameters, "command")) {
            head.append("Delivered-To: ").append(oneLine(recipient.toString())).append('\n');
        }
        return new SequenceInputStream(new ByteArrayInputStream(head.toString().getBytes(StandardCharsets.UTF_8)), content);
    }

    /** {@code prepend_delivered_header}: Postfix's default is {@code command, file, forward}. */
    static boolean prepends(MailParameters parameters, String kind) {
        String value = parameters.get("prepend_delivered_header", "command, file, forward");
        for (String word : value.split("[,\\s]+")) {
            if (word.equalsIgnoreCase(kind)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "");
    }
}
