package io.tegami.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code chromium}, headless, driven through the DevTools protocol over the JDK's own
 * WebSocket client: navigate, evaluate JavaScript in the page (to click and to read the DOM), set
 * request headers, take screenshots. Only the few messages the tests need are parsed, with regular
 * expressions, so that itests need no JSON library.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Pattern PAGE_SOCKET = Pattern.compile(
            "\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium with a fresh profile under {@code profile} and connects to its blank page. */
    static HeadlessChromium launch(Path profile) throws Exception {
        Files.createDirectories(profile);
        Process p = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath(), "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(portFile) || Files.readString(portFile).lines().count() < 2) {
            if (System.currentTimeMillis() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readString(portFile).lines().findFirst().orElseThrow().trim());
        HttpClient http = HttpClient.newHttpClient();
        String url = null;
        while (url == null) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = PAGE_SOCKET.matcher(list);
            if (m.find()) {
                url = m.group(1);
            } else if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no page target: " + list);
            } else {
                Thread.sleep(100);
            }
        }
        Receiver receiver = new Receiver();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(url), receiver).get(10, TimeUnit.SECONDS);
        HeadlessChromium c = new HeadlessChromium(p, ws);
        receiver.owner = c;
        c.call("Page.enable", "{}");
        c.call("Network.enable", "{}");
        return c;
    }

    /** Sends one command and returns the whole response message; fails on a protocol error. */
    String call(String method, String paramsJson) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}", true)
                .get(10, TimeUnit.SECONDS);
        String response = answer.get(60, TimeUnit.SECONDS);
        if (response.contains("\"error\":{")) {
            throw new AssertionError(method + " failed: " + response);
        }
        return response;
    }

    /** Sends these headers with every request of the page from now on. */
    void setHeader(String name, String value) throws Exception {
        call("Network.setExtraHTTPHeaders", "{\"headers\":{" + quote(name) + ":" + quote(value) + "}}");
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", "{\"url\":" + quote(url) + "}");
    }

    /** Evaluates a JavaScript expression (a promise is awaited) and returns its value as a string. */
    String eval(String expression) throws Exception {
        String r = call("Runtime.evaluate", "{\"expression\":" + quote("Promise.resolve(" + expression + ").then(String)")
                + ",\"returnByValue\":true,\"awaitPromise\":true}");
        if (r.contains("\"exceptionDetails\"")) {
            throw new AssertionError("script failed: " + expression + "\n" + r);
        }
        Matcher m = Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(r);
        if (!m.find()) {
            throw new AssertionError("no string value: " + r);
        }
        return unquote(m.group(1));
    }

    /** Waits until the page is loaded and the expression is {@code true}; returns the page text on timeout. */
    void await(String condition, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        String js = "document.readyState === 'complete' && !!(" + condition + ")";
        while (true) {
            try {
                if (eval(js).equals("true")) {
                    return;
                }
            } catch (AssertionError e) {
                // the page is being replaced (navigation): ask again
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + condition + "; page: " + eval("location.href")
                        + "\n" + eval("document.body ? document.body.innerText : ''"));
            }
            Thread.sleep(200);
        }
    }

    /** Saves a PNG screenshot of the page. */
    void screenshot(Path file) throws Exception {
        String r = call("Page.captureScreenshot", "{\"format\":\"png\"}");
        Matcher m = Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"").matcher(r);
        if (!m.find()) {
            throw new AssertionError("no screenshot: " + r.substring(0, Math.min(200, r.length())));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(m.group(1)));
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    static String unquote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    /** Collects whole messages and completes the call waiting for each response; events are dropped. */
    private static final class Receiver implements WebSocket.Listener {
        volatile HeadlessChromium owner;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                Matcher m = ID.matcher(message);
                if (m.find() && owner != null) {
                    CompletableFuture<String> f = owner.pending.remove(Integer.parseInt(m.group(1)));
                    if (f != null) {
                        f.complete(message);
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }
}
