package io.tegami.itests;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IMAP client under load: logs in, selects INBOX and then either IDLEs (about a second at a
 * time, fetching the subject of the newest message whenever an EXISTS arrives) or polls (NOOP
 * and a FETCH of the newest message every quarter second). A {@code * BYE} is the protocol's
 * goodbye; a tagged NO or BAD is a rejection.
 */
final class ImapLoadClient extends LoadClient {

    private static final Pattern EXISTS = Pattern.compile("\\* (\\d+) EXISTS");

    private final int port;
    private final boolean idle;
    private int exists;
    private int existsDuringIdle;
    private int fetches;

    ImapLoadClient(SwapJournal journal, int port, boolean idle) {
        super(idle ? "imap-idle" : "imap-poll", journal);
        this.port = port;
        this.idle = idle;
    }

    /** EXISTS responses received while idling. */
    int existsDuringIdle() {
        return existsDuringIdle;
    }

    int fetches() {
        return fetches;
    }

    @Override
    void session() throws IOException, InterruptedException {
        connect(port);
        String greeting = line();
        if (!greeting.startsWith("* OK")) {
            throw new Trouble(greeting.startsWith("* BYE") ? SwapJournal.Kind.GOODBYE : SwapJournal.Kind.ERROR,
                    "greeting: " + greeting);
        }
        command("a", "LOGIN alice secret");
        command("b", "SELECT INBOX");
        established();
        while (running()) {
            if (idle) {
                idleOnce();
            } else {
                command("n", "NOOP");
                Thread.sleep(250);
            }
            if (exists > 0) {
                command("f", "FETCH " + exists + " (UID FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
                fetches++;
            }
        }
        command("z", "LOGOUT");
    }

    private void idleOnce() throws IOException {
        send("i IDLE\r\n");
        String cont = line();
        check(cont);
        if (!cont.startsWith("+")) {
            throw new Trouble(SwapJournal.Kind.REJECTED, "IDLE: " + cont);
        }
        timeout(1000);
        try {
            while (true) {
                String untagged = line();
                check(untagged);
                if (EXISTS.matcher(untagged).matches()) {
                    existsDuringIdle++;
                }
            }
        } catch (SocketTimeoutException quiet) {
            // a second without news: end this IDLE
        } finally {
            timeout(15_000);
        }
        send("DONE\r\n");
        until("i");
    }

    private List<String> command(String tag, String text) throws IOException {
        send(tag + " " + text + "\r\n");
        return until(tag);
    }

    private List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line();
            check(line);
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new Trouble(SwapJournal.Kind.REJECTED, line);
                }
                return lines;
            }
        }
    }

    /** Notes EXISTS and turns a BYE into the goodbye. */
    private void check(String line) throws Trouble {
        if (line.startsWith("* BYE")) {
            throw new Trouble(SwapJournal.Kind.GOODBYE, line);
        }
        Matcher m = EXISTS.matcher(line);
        if (m.matches()) {
            exists = Integer.parseInt(m.group(1));
        }
    }
}
