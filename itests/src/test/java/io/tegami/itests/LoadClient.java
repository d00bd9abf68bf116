package io.tegami.itests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One client of a hot-swap test, on its own thread: it runs sessions back to back until stopped,
 * and writes to the {@link SwapJournal} whatever interrupts a session (goodbye, refusal, error)
 * and when a session works again after that. Subclasses write one session.
 */
abstract class LoadClient implements Runnable {

    /** A session ended or failed in a way the journal should know, of the given kind. */
    static final class Trouble extends IOException {
        private static final long serialVersionUID = 1L;
        final transient SwapJournal.Kind kind;

        Trouble(SwapJournal.Kind kind, String text) {
            super(text);
            this.kind = kind;
        }
    }

    final String name;
    private final SwapJournal journal;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean healthy;
    private boolean troubled;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    LoadClient(String name, SwapJournal journal) {
        this.name = name;
        this.journal = journal;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean running() {
        return running;
    }

    /** Whether the last session was set up and has seen no trouble since. */
    boolean healthy() {
        return healthy;
    }

    /** Stops after the current step of the session; the session ends politely (QUIT, LOGOUT). */
    void stop() throws InterruptedException {
        running = false;
        thread.join(20_000);
    }

    /** One session; calls {@link #established()} once it works. */
    abstract void session() throws IOException, InterruptedException;

    @Override
    public void run() {
        while (running) {
            try {
                session();
            } catch (Trouble t) {
                trouble(t.kind, t.getMessage());
            } catch (ConnectException e) {
                trouble(SwapJournal.Kind.REFUSED, e.getMessage());
            } catch (IOException e) {
                trouble(SwapJournal.Kind.ERROR, e.toString());
            } catch (InterruptedException e) {
                return;
            } finally {
                closeQuietly();
            }
        }
    }

    private void trouble(SwapJournal.Kind kind, String text) {
        if (!running) {
            return;
        }
        journal.record(name, kind, text);
        troubled = true;
        healthy = false;
        pause(100);
    }

    /** Marks the session as working, and records the reconnection after trouble. */
    void established() {
        if (troubled) {
            journal.record(name, SwapJournal.Kind.RECONNECTED, "");
            troubled = false;
        }
        healthy = true;
    }

    void connect(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(15_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        partial.reset();
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * One line without its CRLF; a read timeout keeps what arrived of the line for the next call.
     * The server closing the connection is an {@link SwapJournal.Kind#ERROR} unless the caller
     * saw a goodbye first.
     */
    String line() throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = partial.toString(StandardCharsets.UTF_8);
                partial.reset();
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            partial.write(b);
        }
        throw new Trouble(SwapJournal.Kind.ERROR, "connection closed by the server without a goodbye");
    }

    void closeQuietly() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
