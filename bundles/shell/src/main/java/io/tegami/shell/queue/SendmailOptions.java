package io.tegami.shell.queue;

import java.util.ArrayList;
import java.util.List;

import io.tegami.shell.CommandFailedException;

/**
 * The command line of {@code sendmail}, parsed as Postfix's sendmail parses it: getopt-style
 * options (bundled {@code -ti}, attached or separate arguments {@code -fbob} / {@code -f bob}), then
 * recipients. Options that only matter to Sendmail itself ({@code -oem}, {@code -odb}, {@code -v},
 * {@code -N}, {@code -R}, {@code -V}...) are accepted and ignored, as Postfix ignores them.
 *
 * @param mode what to do
 * @param extract {@code -t}: take recipients from the To:, Cc: and Bcc: headers
 * @param ignoreDots {@code -i}, {@code -oi}: a line with a single dot is not the end of input
 * @param sender {@code -f}/{@code -r}, or null for the invoking user
 * @param fullName {@code -F}, or null
 * @param queueId for {@code -qI}: the message to flush
 * @param recipients the recipient arguments, as given
 */
record SendmailOptions(Mode mode, boolean extract, boolean ignoreDots, String sender, String fullName, String queueId,
        List<String> recipients) {

    /** What sendmail is asked to do. */
    enum Mode {
        /** read a message and queue it (the default, {@code -bm}) */
        DELIVER,
        /** {@code -bp}: list the queue, like mailq */
        LIST,
        /** {@code -q}: flush the queue */
        FLUSH,
        /** {@code -qIqueueid}: flush one message */
        FLUSH_ONE
    }

    /** Options that take an argument, attached or as the next word (Postfix's getopt string). */
    private static final String WITH_ARGUMENT = "BCFLNORVXbefhopr";

    static SendmailOptions parse(String[] args) {
        Mode mode = Mode.DELIVER;
        boolean extract = false;
        boolean ignoreDots = false;
        String sender = null;
        String fullName = null;
        String queueId = null;
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && args[i].length() > 1) {
            String word = args[i++];
            if (word.equals("--")) {
                break;
            }
            for (int k = 1; k < word.length(); k++) {
                char c = word.charAt(k);
                if (c == 'q') { // -q, -qInterval (ignored), -qIqueueid, -qRsite
                    String rest = word.substring(k + 1);
                    if (rest.startsWith("I") && rest.length() > 1) {
                        mode = Mode.FLUSH_ONE;
                        queueId = rest.substring(1);
                    } else if (rest.startsWith("R") || rest.startsWith("S")) {
                        throw new CommandFailedException("sendmail: fatal: -q" + rest.charAt(0)
                                + " is not supported: there is no per-site fast flush; use sendmail -q");
                    } else if (rest.isEmpty()) {
                        mode = Mode.FLUSH;
                    }
                    break;
                }
                if (WITH_ARGUMENT.indexOf(c) < 0) {
                    switch (c) {
                        case 't' -> extract = true;
                        case 'i' -> ignoreDots = true;
                        case 'I' -> throw new CommandFailedException("sendmail: fatal: -I (newaliases) is not supported here");
                        default -> { } // -G, -U, -c, -m, -n, -v, -x: compatibility, no effect
                    }
                    continue;
                }
                String value = k + 1 < word.length() ? word.substring(k + 1) : i < args.length ? args[i++] : null;
                if (value == null) {
                    throw new CommandFailedException("sendmail: fatal: option requires an argument -- " + c);
                }
                switch (c) {
                    case 'f', 'r' -> sender = value;
                    case 'F' -> fullName = value;
                    case 'o' -> ignoreDots |= value.equals("i") || value.equals("itrue");
                    case 'b' -> mode = switch (value) {
                        case "m" -> Mode.DELIVER;
                        case "p" -> Mode.LIST;
                        case "d", "D", "s", "v", "i", "h", "H", "l" -> throw new CommandFailedException(
                                "sendmail: fatal: -b" + value + " is not supported");
                        default -> throw new CommandFailedException("sendmail: fatal: unsupported: -b" + value);
                    };
                    default -> { } // -B -C -L -N -O -R -V -X -e -h -p: accepted for compatibility
                }
                break; // the rest of the word was the argument
            }
        }
        List<String> recipients = new ArrayList<>();
        for (; i < args.length; i++) {
            recipients.add(args[i]);
        }
        return new SendmailOptions(mode, extract, ignoreDots, sender, fullName, queueId, List.copyOf(recipients));
    }
}
