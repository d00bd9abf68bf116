package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Felix Web Console of the real distribution, driven in Debian's headless Chromium as an admin
 * would: the password printed at first start logs in (admin/admin does not), the mail queue page
 * lists a waiting message and deletes it, the Bundles page starts a bundle, and a forged
 * cross-site POST is refused. Screenshots land in {@code target/webconsole-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleIT {

    private static final Pattern PASSWORD = Pattern.compile("user admin, password ([A-Za-z0-9]{20}) ");
    private static final Pattern QUEUE_ID = Pattern.compile("(?m)^([0-9A-F]{12})[*!]? ");

    private TestHome ports;
    private InstalledTegami tegami;
    private String console;
    private String password;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("webconsole", "minimal_backoff_time = 1h", "maximal_backoff_time = 1h",
                "queue_run_delay = 1s");
        tegami = InstalledTegami.install(ports);
        Path props = ports.home.resolve("conf/config.properties");
        String conf = Files.readString(props);
        assertTrue(conf.contains("\norg.osgi.service.http.port=8080\n"), "the shipped default port");
        assertTrue(conf.contains("\norg.apache.felix.http.host=127.0.0.1\n"), "loopback only");
        int port = TestHome.freePort();
        Files.writeString(props, conf.replace("\norg.osgi.service.http.port=8080\n", "\norg.osgi.service.http.port=" + port + "\n"));
        console = "http://127.0.0.1:" + port + "/system/console";
        Processes.Result started = tegami.tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
        assertEquals(0, tegami.ctl("useradd", "alice", "secret").exitCode());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (tegami != null) {
            Processes.Result stopped = tegami.tegami("stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @Test
    @Order(1)
    void thePasswordMadeAtFirstStartIsPrintedOnceAndIsTheOnlyOne() throws Exception {
        String log = tegami.log();
        Matcher m = PASSWORD.matcher(log);
        assertTrue(m.find(), "password line in the log:\n" + log);
        password = m.group(1);
        assertFalse(m.find(), "printed once");
        assertEquals(401, status(null, "/bundles"), "no credentials");
        assertEquals(401, status("admin:admin", "/bundles"), "no shipped default");
        // The console receives its configuration asynchronously: wait for the password to take.
        long deadline = System.currentTimeMillis() + 30_000;
        while (status("admin:" + password, "/bundles") != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "the printed password never worked");
            Thread.sleep(200);
        }
        assertEquals(401, status("admin:" + password + "x", "/bundles"));
        assertFalse(Files.readString(tegami.home.resolve("configs").resolve("tegami.main.cfg")).contains(password));
    }

    @Test
    @Order(2)
    void theQueuePageDeletesAMessageInChromium() throws Exception {
        assertEquals(0, tegami.ctl("stop", "io.tegami.delivery").exitCode());
        Processes.Result sent = Processes.run(tegami.home, 60, "sh", "-c",
                "printf 'Subject: <b>web console</b>\\n\\nwaiting\\n' | bin/tegami-ctl sendmail alice@localhost");
        assertEquals(0, sent.exitCode(), sent.toString());
        String id = awaitQueueId();

        try (HeadlessChromium browser = HeadlessChromium.launch(tegami.home.resolve("chromium"))) {
            browser.setHeader("Authorization", basic("admin:" + password));
            browser.navigate(console + "/mailqueue");
            String row = "document.querySelector('tr[data-queue-id=\"" + id + "\"]')";
            browser.await(row, Duration.ofSeconds(30));
            assertEquals("deferred", browser.eval(row + ".querySelector('.queue-status').textContent"));
            assertTrue(browser.eval(row + ".textContent").contains("alice@localhost"));
            assertTrue(browser.eval("document.title").contains("Mail queue"), browser.eval("document.title"));
            browser.screenshot(Path.of("target", "webconsole-queue-before.png"));

            browser.eval(row + ".querySelector('input[name=id]').click()");
            browser.eval("document.querySelector('button[value=delete]').click()");
            browser.await("document.getElementById('tegami-notice') && !" + row, Duration.ofSeconds(30));
            assertEquals("Deleted: 1 message", browser.eval("document.getElementById('tegami-notice').textContent"));
            browser.screenshot(Path.of("target", "webconsole-queue.png"));
            assertTrue(Files.size(Path.of("target", "webconsole-queue.png")) > 1000);
        }
        assertEquals("Mail queue is empty\n", tegami.ctl("mailq").stdout());
    }

    @Test
    @Order(3)
    void theBundlesPageStartsABundle() throws Exception {
        String lb = tegami.ctl("lb").stdout();
        Matcher m = Pattern.compile("(?m)^ *(\\d+)\\|Resolved *\\|.*\\|Tegami delivery ").matcher(lb);
        assertTrue(m.find(), "delivery stopped before: " + lb);
        String bundle = m.group(1);
        try (HeadlessChromium browser = HeadlessChromium.launch(tegami.home.resolve("chromium-bundles"))) {
            browser.setHeader("Authorization", basic("admin:" + password));
            browser.navigate(console + "/bundles");
            browser.await("document.body.innerText.includes('Tegami delivery')", Duration.ofSeconds(30));
            // What the page's Start button does: a POST from the page's own origin.
            String posted = browser.eval("fetch('" + console + "/bundles/" + bundle + "', {method: 'POST', "
                    + "headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'action=start'})"
                    + ".then(r => r.status)");
            assertEquals("200", posted);
            browser.screenshot(Path.of("target", "webconsole-bundles.png"));
        }
        assertTrue(tegami.ctl("lb").stdout().matches("(?s).*\\n *" + bundle + "\\|Active *\\|.*"), "delivery started");
    }

    @Test
    @Order(4)
    void aCrossSitePostIsRefused() throws Exception {
        HttpRequest forged = HttpRequest.newBuilder(URI.create(console + "/bundles/0"))
                .header("Authorization", basic("admin:" + password)).header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=stop")).build();
        assertEquals(403, http.send(forged, HttpResponse.BodyHandlers.discarding()).statusCode());
        assertTrue(tegami.ctl("lb").stdout().contains("0|Active"), "the framework still runs");
    }

    private String awaitQueueId() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            String mailq = tegami.ctl("mailq").stdout();
            Matcher m = QUEUE_ID.matcher(mailq);
            if (m.find() && mailq.contains("alice@localhost")) {
                return m.group(1);
            }
            assertTrue(System.currentTimeMillis() < deadline, "message never queued: " + mailq);
            Thread.sleep(200);
        }
    }

    private int status(String credentials, String page) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console + page));
        if (credentials != null) {
            b.header("Authorization", basic(credentials));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
