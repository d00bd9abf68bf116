package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tegami.dns.testing.DnsStub;

/**
 * The hot-swap matrix of the real distribution: while four SMTP senders send mail without
 * pause (one to a user, one to an alias, one through a listener whose client restrictions ask a
 * DNS block list, with a subject the user's Sieve script files away, one lingering in each
 * session so that a swap meets it in progress), two IMAP clients fetch and
 * IDLE and a POP3 client polls, each swappable bundle is stopped, started and updated to a
 * rebuilt jar with {@code bin/tegami-ctl}. Afterwards every message acknowledged with 250 must be
 * in the Maildir exactly once, the clients of untouched protocols must have seen nothing, and
 * those of the touched one only the protocol's goodbye or a refused connection, then a working
 * session again. The unavailability of each port per action is printed and written to
 * {@code target/hotswap.txt}.
 */
class HotSwapUnderLoadIT {

    private static final Set<String> SMTP = Set.of("smtp-0", "smtp-1", "smtp-2", "smtp-3");
    private static final Set<String> IMAP = Set.of("imap-idle", "imap-poll");
    private static final Set<SwapJournal.Kind> GOODBYE_OR_REFUSED = Set.of(SwapJournal.Kind.GOODBYE,
            SwapJournal.Kind.REFUSED, SwapJournal.Kind.RECONNECTED);

    private final SwapJournal journal = new SwapJournal();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final SwapReport report = new SwapReport();
    private final List<LoadClient> clients = new ArrayList<>();
    private final List<PortProbe> probes = new ArrayList<>();
    private final SwapJudge judge = new SwapJudge();
    private InstalledTegami tegami;
    private DnsStub dns;

    @AfterEach
    void stopEverything() throws Exception {
        for (LoadClient c : clients) {
            c.stop();
        }
        for (PortProbe p : probes) {
            p.close();
        }
        if (tegami != null) {
            tegami.tegami("stop");
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void everyBundleSwapsUnderLoadWithoutLosingMailOrDisturbingOthers() throws Exception {
        dns = DnsStub.start(); // answers NXDOMAIN: nobody is listed
        TestHome ports = TestHome.create("hotswap", "minimal_backoff_time = 1s", "maximal_backoff_time = 2s",
                "queue_run_delay = 1s", "dns_servers = 127.0.0.1:" + dns.port(), "dns_timeout = 1s",
                "alias_maps = hash:configs/aliases", "alias_database = hash:configs/aliases",
                "auth_mechanisms = plain login cram-md5");
        ports.addUser("alice", "secret");
        int imapPort = TestHome.freePort();
        int pop3Port = TestHome.freePort();
        int rblPort = TestHome.freePort();
        writeConfiguration(ports, imapPort, pop3Port, rblPort);
        tegami = InstalledTegami.install(ports);
        assertEquals(0, tegami.tegami("start").exitCode());
        for (int port : new int[] {ports.smtpPort, imapPort, pop3Port, rblPort}) {
            Net.awaitListening(port, 60_000);
        }
        SwapConsole console = new SwapConsole(tegami);
        ServiceChecks checks = new ServiceChecks(ports.smtpPort, rblPort, imapPort);
        Map<String, BooleanSupplier> before = Map.of("CRAM-MD5", checks::cramMd5, "alias", checks::alias, "RBL",
                checks::rbl, "store", checks::store);
        for (Map.Entry<String, BooleanSupplier> check : before.entrySet()) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!check.getValue().getAsBoolean()) {
                assertTrue(System.currentTimeMillis() < deadline, check.getKey() + " does not work before any swap");
                Thread.sleep(200);
            }
        }

        PortProbe smtpProbe = probe("smtp", ports.smtpPort, "220 ");
        PortProbe imapProbe = probe("imap", imapPort, "* OK");
        PortProbe pop3Probe = probe("pop3", pop3Port, "+OK");
        clients.add(new SmtpLoadSender(journal, ports.smtpPort, 0, "alice@localhost", "", acknowledged));
        clients.add(new SmtpLoadSender(journal, ports.smtpPort, 1, "team@localhost", "", acknowledged));
        clients.add(new SmtpLoadSender(journal, rblPort, 2, "alice@localhost", " sieve", acknowledged));
        clients.add(new SmtpLoadSender(journal, ports.smtpPort, 3, "alice@localhost", "", acknowledged).linger(3000));
        ImapLoadClient idler = new ImapLoadClient(journal, imapPort, true);
        ImapLoadClient poller = new ImapLoadClient(journal, imapPort, false);
        Pop3LoadClient pop3 = new Pop3LoadClient(journal, pop3Port);
        clients.addAll(List.of(idler, poller, pop3));
        clients.forEach(LoadClient::start);
        awaitHealthy("before the first swap");
        Thread.sleep(1000);

        Set<SwapJournal.Kind> storeAllowed = Set.of(SwapJournal.Kind.GOODBYE, SwapJournal.Kind.REFUSED,
                SwapJournal.Kind.REJECTED, SwapJournal.Kind.RECONNECTED);
        Set<SwapJournal.Kind> rejected = Set.of(SwapJournal.Kind.REJECTED, SwapJournal.Kind.RECONNECTED);
        List<SwapJudge.Swap> matrix = List.of(
                new SwapJudge.Swap("io.tegami.smtp", smtpProbe::available, SMTP, GOODBYE_OR_REFUSED, Set.of("smtp-3")),
                new SwapJudge.Swap("io.tegami.imap", imapProbe::available, IMAP, GOODBYE_OR_REFUSED, IMAP),
                new SwapJudge.Swap("io.tegami.pop3", pop3Probe::available, Set.of("pop3"), GOODBYE_OR_REFUSED,
                        Set.of("pop3")),
                // The store going away is said as such: RFC 5530's UNAVAILABLE for IMAP, Dovecot's
                // shutdown and "Couldn't open INBOX" for POP3, never "mailbox deleted" or "inconsistent".
                new SwapJudge.Swap("io.tegami.store-maildir", checks::store, Set.of("imap-idle", "imap-poll", "pop3"),
                        storeAllowed, IMAP).withGoodbyes("* BYE [UNAVAILABLE] Mail storage is not available.",
                                "-ERR [SYS/TEMP] Server shutting down.",
                                "-ERR [SYS/TEMP] Couldn't open INBOX: Mail storage is not available."),
                new SwapJudge.Swap("io.tegami.auth-crammd5", checks::cramMd5, Set.of(), Set.of(), Set.of()),
                new SwapJudge.Swap("io.tegami.sieve", null, Set.of(), Set.of(), Set.of()),
                new SwapJudge.Swap("io.tegami.aliases", checks::alias, Set.of("smtp-1"), rejected, Set.of()),
                new SwapJudge.Swap("io.tegami.policy-rbl", checks::rbl, Set.of("smtp-2"), rejected, Set.of()));
        long firstPhase = System.currentTimeMillis();
        List<String> failures = new ArrayList<>();
        for (SwapJudge.Swap swap : matrix) {
            swapUnderLoad(swap, console, failures);
        }
        assertTrue(journal.between(0, firstPhase).isEmpty(), "trouble before any swap: " + journal.between(0, firstPhase));

        for (LoadClient c : clients) {
            c.stop();
        }
        for (PortProbe p : probes) {
            p.close();
        }
        String table = report.table();
        System.out.print(table);
        report.write(Path.of("target", "hotswap.txt"), judge.summary());

        Map<String, Integer> delivered = awaitDelivered(ports.maildir("alice"));
        List<String> lost = acknowledged.keySet().stream().filter(t -> !delivered.containsKey(t)).sorted().toList();
        Map<String, Integer> duplicates = delivered.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long extra = delivered.keySet().stream().filter(t -> !acknowledged.containsKey(t)).count();
        System.out.printf("hot swap load: %d acknowledged, %d delivered distinct, %d lost %s, %d duplicates %s,"
                + " %d delivered without a 250 seen; IDLE saw %d EXISTS, %d IMAP fetches, %d POP3 sessions%n",
                acknowledged.size(), delivered.size(), lost.size(), lost, duplicates.size(), duplicates, extra,
                idler.existsDuringIdle(), idler.fetches() + poller.fetches(), pop3.sessions());
        System.out.print(judge.summary());

        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(lost.isEmpty(), "acknowledged but not delivered: " + lost + "\nbounces in the log:\n" + bounces());
        assertTrue(duplicates.isEmpty(), "delivered more than once: " + duplicates);
        assertTrue(acknowledged.size() > 100, "too little load to mean anything: " + acknowledged.size());
        assertTrue(idler.existsDuringIdle() > 0, "IDLE never announced new mail");
        assertTrue(pop3.sessions() > 0, "no POP3 session completed");
        long sieved = SwapReport.messages(ports.maildir("alice").resolve(".Sieved")).size();
        assertTrue(sieved > 0, "the Sieve script filed nothing into Sieved");
    }

    /** stop, start and update one bundle, recording figures and checking what the clients saw. */
    private void swapUnderLoad(SwapJudge.Swap swap, SwapConsole console, List<String> failures) throws Exception {
        Map<String, SwapConsole.BundleRow> bundles = console.bundles();
        SwapConsole.BundleRow row = bundles.get(swap.bundle());
        assertTrue(row != null && row.state().equals("Active"), swap.bundle() + " is not active: " + bundles.keySet());
        long from = System.currentTimeMillis();
        Thread.sleep(200);

        long stopAt = System.currentTimeMillis();
        long stopCtl = timed(() -> console.ctl("stop", row.id()));
        long gone = awaitWorking(swap, false, stopAt, 15_000);
        assertEquals("Resolved", console.bundles().get(swap.bundle()).state(), swap.bundle() + " after stop");
        Thread.sleep(1500); // the load meets the bundle's absence
        long startAt = System.currentTimeMillis();
        row(swap, "stop", stopCtl, gone, stopAt, startAt);
        if (swap.bundle().equals("io.tegami.store-maildir")) {
            long queuedMeanwhile = acknowledged.values().stream().filter(t -> t > stopAt + gone && t < startAt).count();
            if (queuedMeanwhile == 0) {
                failures.add("no mail was accepted while the store was stopped");
            }
        }

        long startCtl = timed(() -> console.ctl("start", row.id()));
        long back = awaitWorking(swap, true, startAt, 30_000);
        Thread.sleep(700);
        long updateAt = System.currentTimeMillis();
        row(swap, "start", startCtl, back, startAt, updateAt);

        String jar = console.rebuiltJar(swap.bundle());
        long updateCtl = timed(() -> console.ctl("update", row.id(), jar));
        long updated = awaitWorking(swap, true, updateAt, 30_000);
        SwapConsole.BundleRow after = console.bundles().get(swap.bundle());
        if (!after.state().equals("Active") || !after.version().contains("-swap")) {
            failures.add(swap.bundle() + " after update: " + after);
        }
        if (!awaitHealthy()) {
            failures.add(swap.bundle() + ": clients did not get a working session again: " + unhealthy());
        }
        Thread.sleep(500);
        long to = System.currentTimeMillis();
        row(swap, "update", updateCtl, updated, updateAt, to);
        judge.judge(swap, journal.between(from, to), failures);
    }

    private void row(SwapJudge.Swap swap, String action, long ctl, long effect, long from, long to) {
        report.add(new SwapReport.Row(swap.bundle(), action, ctl, effect, probes.get(0).unavailableMillis(from, to),
                probes.get(1).unavailableMillis(from, to), probes.get(2).unavailableMillis(from, to)));
    }

    /** Milliseconds from {@code since} until the bundle's check says {@code working}; -1 without a check. */
    private static long awaitWorking(SwapJudge.Swap swap, boolean working, long since, long timeoutMillis) throws Exception {
        if (swap.working() == null) {
            return -1;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (swap.working().getAsBoolean() != working) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(swap.bundle() + " not " + (working ? "working" : "gone") + " after "
                        + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
        return System.currentTimeMillis() - since;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long timed(Action action) throws Exception {
        long start = System.currentTimeMillis();
        action.run();
        return System.currentTimeMillis() - start;
    }

    private PortProbe probe(String name, int port, String greeting) {
        PortProbe p = new PortProbe(name, port, greeting);
        probes.add(p);
        return p;
    }

    private boolean awaitHealthy() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!unhealthy().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private void awaitHealthy(String when) throws InterruptedException {
        assertTrue(awaitHealthy(), "clients not working " + when + ": " + unhealthy() + "\n" + journal.all());
    }

    private List<String> unhealthy() {
        return clients.stream().filter(c -> !c.healthy()).map(c -> c.name).toList();
    }

    private Map<String, Integer> awaitDelivered(Path maildir) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        Map<String, Integer> delivered = SwapReport.delivered(maildir);
        while (!delivered.keySet().containsAll(acknowledged.keySet()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            delivered = SwapReport.delivered(maildir);
        }
        Thread.sleep(1000); // a late duplicate would show now
        return SwapReport.delivered(maildir);
    }

    private String bounces() throws Exception {
        return tegami.log().lines().filter(l -> l.contains("status=bounced") || l.contains(" WARN ")).limit(60)
                .collect(Collectors.joining("\n"));
    }

    private static void writeConfiguration(TestHome ports, int imapPort, int pop3Port, int rblPort) throws Exception {
        Path configs = ports.home.resolve("configs");
        Files.writeString(configs.resolve("tegami.listener-imap.cfg"), "name = imap\nprotocol = imap\naddress = 127.0.0.1\n"
                + "port = " + imapPort + "\ntls = starttls\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-pop3.cfg"), "name = pop3\nprotocol = pop3\naddress = 127.0.0.1\n"
                + "port = " + pop3Port + "\ntls = starttls\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-rbl.cfg"), "name = rbl\nprotocol = smtp\naddress = 127.0.0.1\n"
                + "port = " + rblPort + "\nsmtpd_client_restrictions = reject_rbl_client rbl.test\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("aliases"), "postmaster: alice\nteam: alice\n", StandardCharsets.UTF_8);
        Path home = ports.home.resolve("data/home/alice");
        Files.createDirectories(home.resolve("sieve"));
        Files.writeString(home.resolve("sieve/main.sieve"), "require [\"fileinto\", \"mailbox\"];\n"
                + "if header :contains \"subject\" \"sieve\" { fileinto :create \"Sieved\"; }\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(home.resolve(".dovecot.sieve"), Path.of("sieve/main.sieve"));
    }
}
