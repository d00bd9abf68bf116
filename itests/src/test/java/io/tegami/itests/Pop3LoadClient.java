package io.tegami.itests;

import java.io.IOException;

/**
 * A POP3 client under load: sessions of about two seconds (login, STAT, TOP of the newest
 * message, NOOPs), then QUIT without deleting anything, and again. A {@code -ERR} anywhere is the
 * protocol's goodbye (Dovecot's {@code -ERR [SYS/TEMP] Server shutting down.}), with its text in
 * the journal.
 */
final class Pop3LoadClient extends LoadClient {

    private final int port;
    private int sessions;

    Pop3LoadClient(SwapJournal journal, int port) {
        super("pop3", journal);
        this.port = port;
    }

    int sessions() {
        return sessions;
    }

    @Override
    void session() throws IOException, InterruptedException {
        connect(port);
        ok(line(), "greeting");
        ok(command("USER alice"), "USER");
        ok(command("PASS secret"), "PASS");
        established();
        String stat = command("STAT");
        ok(stat, "STAT");
        int count = Integer.parseInt(stat.split(" ")[1]);
        if (count > 0) {
            ok(command("TOP " + count + " 0"), "TOP");
            while (!line().equals(".")) {
                // the headers of the newest message
            }
        }
        long end = System.currentTimeMillis() + 2000;
        while (running() && System.currentTimeMillis() < end) {
            Thread.sleep(250);
            ok(command("NOOP"), "NOOP");
        }
        ok(command("QUIT"), "QUIT");
        sessions++;
        closeQuietly();
    }

    private String command(String line) throws IOException {
        send(line + "\r\n");
        return line();
    }

    private static void ok(String reply, String step) throws Trouble {
        if (!reply.startsWith("+OK")) {
            throw new Trouble(reply.startsWith("-ERR") ? SwapJournal.Kind.GOODBYE : SwapJournal.Kind.ERROR,
                    reply + " (at " + step + ")");
        }
    }
}
