package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Password interop with Dovecot 2.3's {@code doveadm} (Debian's dovecot-core) through the real
 * distribution and {@code bin/tegami-ctl}: a passwd-file that doveadm wrote, one user per scheme,
 * authenticates every user in Tegami; every hash Tegami generates verifies with
 * {@code doveadm pw -t} and every hash doveadm generates with {@code tegami-ctl doveadm pw -t},
 * which prints what doveadm prints, errors included; {@code useradd} writes hashes a real
 * Dovecot passdb accepts. doveadm is a required peer (itests/peers.txt): without it this test
 * fails rather than skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoveadmInteropIT {

    /** Non-ASCII and a space: the schemes must agree on UTF-8 and quoting must survive. */
    private static final String PASSWORD = "p\u00e4ssw\u00f6rd \u20ac";
    /** Values doveadm cannot check itself: PLAIN-TRUNC needs a length prefix it never writes; OTP is a state. */
    private static final Set<String> UNCHECKABLE = Set.of("PLAIN-TRUNC", "OTP");
    /** What {@code useradd} is tried with: the strong defaults and a few the SASL side likes. */
    private static final List<String> USERADD_SCHEMES =
            List.of("SHA512-CRYPT", "ARGON2ID", "BLF-CRYPT", "PBKDF2", "SSHA512", "CRAM-MD5");

    private Path home;
    private TestHome ports;
    private String doveadm;
    /** The users of the doveadm-written passwd-file: name to scheme. */
    private final Map<String, String> mixedUsers = new LinkedHashMap<>();

    @BeforeAll
    void startServer() throws Exception {
        doveadm = which("doveadm");
        ports = TestHome.create("doveadm");
        home = ports.home;
        copyTree(TegamiOptions.distribution(), home, Set.of("data", "logs", "configs"));
        writeMixedPasswdFile();
        Processes.Result started = tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
        Net.awaitListening(ports.smtpPort, 30_000);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (home != null && Files.exists(home.resolve("bin/tegami"))) {
            Processes.Result stopped = tegami("stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    /** One user per doveadm scheme, hashed by doveadm now, plus users with login restrictions. */
    private void writeMixedPasswdFile() throws Exception {
        StringBuilder passwd = new StringBuilder("# written by doveadm pw (Dovecot), read by Tegami\n");
        for (String scheme : doveadmSchemes()) {
            String user = "u-" + scheme.toLowerCase(Locale.ROOT);
            Processes.Result r = doveadm(withUser(scheme, user, "pw", "-s", scheme, "-p", PASSWORD));
            assertEquals(0, r.exitCode(), scheme + ": " + r);
            passwd.append(user).append(':').append(r.stdout().strip()).append("::::")
                    .append(home.resolve("data/home/" + user)).append("::\n");
            mixedUsers.put(user, scheme);
        }
        passwd.append("closed:{PLAIN}secret::::::nologin reason=moved\n");
        passwd.append("netted:{PLAIN}secret::::::allow_nets=192.0.2.0/24\n");
        passwd.append("carol:{PLAIN}secret:1000:1000::/srv/carol::userdb_mail=mbox:~/mail userdb_quota_rule=*:storage=1G\n");
        Files.writeString(home.resolve("data/passwd"), passwd, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void everyUserOfAMixedDovecotPasswdFileAuthenticates() throws Exception {
        assertTrue(mixedUsers.size() >= 25, "doveadm pw -l listed too few schemes: " + mixedUsers);
        for (Map.Entry<String, String> u : mixedUsers.entrySet()) {
            Processes.Result ok = ctl("doveadm", "auth", "test", u.getKey(), PASSWORD);
            assertEquals(0, ok.exitCode(), u + ": " + ok);
            assertTrue(ok.stdout().startsWith("passdb: " + u.getKey() + " auth succeeded\n"), ok.stdout());
            // changed at the front: DES-CRYPT reads 8 bytes, bcrypt 72
            Processes.Result bad = ctl("doveadm", "auth", "test", u.getKey(), "!" + PASSWORD);
            assertNotEquals(0, bad.exitCode(), u + ": " + bad);
            assertTrue(bad.stdout().startsWith("passdb: " + u.getKey() + " auth failed\n"), bad.stdout());
        }
    }

    @Test
    @Order(2)
    void loginRestrictionsAndUserFields() throws Exception {
        assertNotEquals(0, ctl("doveadm", "auth", "test", "closed", "secret").exitCode(), "nologin");
        assertNotEquals(0, ctl("doveadm", "auth", "test", "netted", "secret").exitCode(), "no address, no 'local'");
        assertNotEquals(0, ctl("doveadm", "auth", "test", "-x", "rip=198.51.100.1", "netted", "secret").exitCode());
        assertEquals(0, ctl("doveadm", "auth", "test", "-x", "rip=192.0.2.9", "netted", "secret").exitCode());

        Processes.Result user = ctl("doveadm", "user", "carol");
        assertEquals(0, user.exitCode(), user.toString());
        assertEquals("field\tvalue\nuid\t1000\ngid\t1000\nhome\t/srv/carol\nmail\tmbox:~/mail\nquota_rule\t*:storage=1G\n",
                user.stdout());
        Processes.Result none = ctl("doveadm", "user", "nobody");
        assertNotEquals(0, none.exitCode());
        assertEquals("field\tvalue\n\nuserdb lookup: user nobody doesn't exist\n", none.stdout());
    }

    @Test
    @Order(3)
    void everySchemeTegamiListsIsOneDovecotKnows() throws Exception {
        List<String> ours = tegamiSchemes();
        List<String> theirs = Arrays.asList(doveadm("pw", "-l").stdout().strip().split(" "));
        assertTrue(theirs.containsAll(ours), "Tegami: " + ours + "\nDovecot: " + theirs);
        assertTrue(ours.containsAll(List.of("PLAIN", "CLEAR", "CRAM-MD5", "MD5-CRYPT", "SHA256-CRYPT", "SHA512-CRYPT",
                "BLF-CRYPT", "ARGON2I", "ARGON2ID", "SSHA", "SSHA256", "SSHA512", "PBKDF2")), ours.toString());
    }

    @Test
    @Order(4)
    void doveadmVerifiesEveryHashTegamiGenerates() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (String scheme : tegamiSchemes()) {
            if (!UNCHECKABLE.contains(scheme)) {
                cases.add(new String[] {scheme});
            }
        }
        cases.add(new String[] {"SHA512-CRYPT", "-r", "10000"});
        cases.add(new String[] {"BLF-CRYPT", "-r", "6"});
        cases.add(new String[] {"PBKDF2", "-r", "1000"});
        cases.add(new String[] {"ARGON2I", "-r", "5"});
        cases.add(new String[] {"SHA256.HEX"});
        cases.add(new String[] {"CRAM-MD5.B64"});
        for (String[] c : cases) {
            String scheme = c[0];
            List<String> gen = new ArrayList<>(List.of("doveadm", "pw", "-s", scheme, "-p", PASSWORD));
            gen.addAll(Arrays.asList(c).subList(1, c.length));
            Processes.Result made = ctl(withUser(scheme, "alice@example.com", gen.toArray(new String[0])));
            assertEquals(0, made.exitCode(), scheme + ": " + made);
            String hash = made.stdout().strip();
            assertTrue(hash.startsWith("{" + scheme + "}"), hash);
            Processes.Result checked = doveadm(withUser(scheme, "alice@example.com", "pw", "-t", hash, "-p", PASSWORD));
            assertEquals(0, checked.exitCode(), "doveadm rejects Tegami's " + hash + ": " + checked);
            assertEquals(hash + " (verified)\n", checked.stdout());
            Processes.Result wrong = doveadm(withUser(scheme, "alice@example.com", "pw", "-t", hash, "-p", "x" + PASSWORD));
            assertNotEquals(0, wrong.exitCode(), hash);
        }
    }

    @Test
    @Order(5)
    void tegamiVerifiesEveryHashDoveadmGeneratesAndSaysWhatDoveadmSays() throws Exception {
        for (String scheme : doveadmSchemes()) {
            Processes.Result made = doveadm(withUser(scheme, "alice@example.com", "pw", "-s", scheme, "-p", PASSWORD));
            String hash = made.stdout().strip();
            for (String password : List.of(PASSWORD, PASSWORD.substring(1))) {
                Processes.Result theirs = doveadm(withUser(scheme, "alice@example.com", "pw", "-t", hash, "-p", password));
                Processes.Result ours = ctl(withUser(scheme, "alice@example.com", "doveadm", "pw", "-t", hash, "-p", password));
                assertEquals(theirs.exitCode() == 0, ours.exitCode() == 0, hash + "\n" + theirs + "\n" + ours);
                assertEquals(theirs.stdout(), ours.stdout(), hash);
                assertEquals(theirs.stderr().strip(), ours.stderr().strip(), hash);
            }
        }
    }

    @Test
    @Order(6)
    void doveadmPwErrorsAreDoveadms() throws Exception {
        String[][] cases = {
            {"pw", "-t", "{SSHA}YWJj", "-p", "x"},
            {"pw", "-t", "{SHA}abc", "-p", "x"},
            {"pw", "-t", "{SHA}YWJj", "-p", "x"},
            {"pw", "-t", "{SSHA.HEX}zz", "-p", "x"},
            {"pw", "-t", "{NOPE}abc", "-p", "x"},
            {"pw", "-t", "9RRKyd", "-p", "x"},
            {"pw", "-t", "{PBKDF2}$1$x", "-p", "x"},
            {"pw", "-t", "{BLF-CRYPT}garbage", "-p", "x"},
            {"pw", "-t", "{ARGON2ID}garbage", "-p", "x"},
            {"pw", "-t", "$1$4kyALBDM$AIQjnqDe.lvCd1oAsr2QL0", "-p", "secret"},
            {"pw", "-s", "NOPE", "-p", "x"},
            {"pw", "-s", "DIGEST-MD5", "-p", "x"},
        };
        for (String[] c : cases) {
            Processes.Result theirs = doveadm(c);
            String[] ctlArgs = new String[c.length + 1];
            ctlArgs[0] = "doveadm";
            System.arraycopy(c, 0, ctlArgs, 1, c.length);
            Processes.Result ours = ctl(ctlArgs);
            String what = String.join(" ", c);
            assertEquals(theirs.exitCode() == 0, ours.exitCode() == 0, what + "\n" + theirs + "\n" + ours);
            assertEquals(theirs.stdout(), ours.stdout(), what);
            assertEquals(theirs.stderr().strip(), ours.stderr().strip(), what);
        }
    }

    @Test
    @Order(7)
    void useraddWritesHashesDoveadmVerifiesInEveryDefaultScheme() throws Exception {
        for (String scheme : USERADD_SCHEMES) {
            Processes.Result set = ctl("postconf", "default_pass_scheme=" + scheme);
            assertEquals(0, set.exitCode(), set.toString());
            String user = "new-" + scheme.toLowerCase(Locale.ROOT);
            Processes.Result added = ctl("useradd", user, PASSWORD);
            assertEquals(0, added.exitCode(), added.toString());
            String hash = passwdField(user, 1);
            assertTrue(hash.startsWith("{" + scheme + "}"), hash);
            Processes.Result checked = doveadm("pw", "-t", hash, "-p", PASSWORD);
            assertEquals(0, checked.exitCode(), checked.toString());
            Processes.Result login = ctl("doveadm", "auth", "test", user, PASSWORD);
            assertEquals(0, login.exitCode(), login.toString());
        }
        Processes.Result generated = ctl("doveadm", "pw", "-p", PASSWORD);
        assertTrue(generated.stdout().startsWith("{" + USERADD_SCHEMES.get(USERADD_SCHEMES.size() - 1) + "}"),
                "doveadm pw without -s uses default_pass_scheme: " + generated.stdout());
    }

    @Test
    @Order(8)
    void aRealDovecotPassdbAuthenticatesTheUsersTegamiWrote() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "Dovecot only starts as root; doveadm pw -t covered the hashes above");
        Path dir = Files.createDirectories(home.resolve("dovecot"));
        Path conf = dir.resolve("dovecot.conf");
        int port = TestHome.freePort();
        Files.writeString(conf, String.join("\n",
                "protocols = imap",
                "listen = 127.0.0.1",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("state"),
                "instance_name = tegami-pw-" + port,
                "log_path = " + dir.resolve("dovecot.log"),
                "ssl = no",
                // the passwd-file is Tegami's, mode 0600 under a 0700 home: read it as its owner
                "default_internal_user = root",
                "default_internal_group = root",
                "passdb {",
                "  driver = passwd-file",
                "  args = scheme=CRYPT " + home.resolve("data/passwd"),
                "}",
                "userdb {",
                "  driver = static",
                "  args = uid=65534 gid=65534 home=" + dir.resolve("home") + "/%u",
                "}",
                "service imap-login {",
                "  inet_listener imap {",
                "    port = " + port,
                "  }",
                "  inet_listener imaps {",
                "    port = 0",
                "  }",
                "}",
                ""), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        Process dovecot = new ProcessBuilder("/usr/sbin/dovecot", "-F", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        try {
            Path socket = dir.resolve("run/auth-client");
            long deadline = System.currentTimeMillis() + 20_000;
            while (!Files.exists(socket)) {
                assertTrue(dovecot.isAlive() && System.currentTimeMillis() < deadline, "dovecot did not start: "
                        + Files.readString(dir.resolve("dovecot.out")));
                Thread.sleep(100);
            }
            List<String> users = new ArrayList<>();
            USERADD_SCHEMES.forEach(s -> users.add("new-" + s.toLowerCase(Locale.ROOT)));
            users.addAll(List.of("u-argon2id", "u-blf-crypt", "u-sha512-crypt", "u-cram-md5", "u-pbkdf2"));
            for (String user : users) {
                Processes.Result r = Processes.run(home, 30, doveadm, "-c", conf.toString(), "auth", "test", user, PASSWORD);
                assertEquals(0, r.exitCode(), user + ": " + r);
                assertTrue(r.stdout().startsWith("passdb: " + user + " auth succeeded"), r.stdout());
            }
            Processes.Result wrong = Processes.run(home, 30, doveadm, "-c", conf.toString(), "auth", "test",
                    "new-argon2id", "wrong");
            assertEquals(77, wrong.exitCode(), wrong.toString());
        } finally {
            dovecot.destroy();
            if (!dovecot.waitFor(20, TimeUnit.SECONDS)) {
                dovecot.destroyForcibly();
            }
        }
    }

    private List<String> doveadmSchemes() throws Exception {
        Processes.Result listed = doveadm("pw", "-l");
        assertEquals(0, listed.exitCode(), listed.toString());
        return Arrays.stream(listed.stdout().strip().split(" ")).filter(s -> !UNCHECKABLE.contains(s)).sorted().toList();
    }

    private List<String> tegamiSchemes() throws Exception {
        Processes.Result listed = ctl("doveadm", "pw", "-l");
        assertEquals(0, listed.exitCode(), listed.toString());
        assertTrue(listed.stdout().endsWith(" \n"), "doveadm pw -l ends each name with a space");
        return Arrays.asList(listed.stdout().strip().split(" "));
    }

    /** DIGEST-MD5 mixes the user name in: the command gets {@code -u user}. */
    private static String[] withUser(String scheme, String user, String... args) {
        if (!scheme.toUpperCase(Locale.ROOT).startsWith("DIGEST-MD5")) {
            return args;
        }
        String[] out = Arrays.copyOf(args, args.length + 2);
        out[args.length] = "-u";
        out[args.length + 1] = user;
        return out;
    }

    private String passwdField(String user, int field) throws IOException {
        for (String line : Files.readAllLines(home.resolve("data/passwd"), StandardCharsets.UTF_8)) {
            if (line.startsWith(user + ":")) {
                return line.split(":", -1)[field];
            }
        }
        throw new AssertionError("no " + user + " in the passwd-file");
    }

    private Processes.Result doveadm(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = doveadm;
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Processes.run(home, 60, cmd);
    }

    private Processes.Result tegami(String action) throws Exception {
        return Processes.run(home, 90, home.resolve("bin/tegami").toString(), action);
    }

    private Processes.Result ctl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = home.resolve("bin/tegami-ctl").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Processes.run(home, 60, cmd);
    }

    /** The absolute path of a required peer command; fails (not skips) when it is missing. */
    static String which(String command) throws Exception {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return dir + "/" + command;
            }
        }
        throw new AssertionError(command + " is missing: install the Debian peers listed in itests/peers.txt "
                + "(mvn verify does it when it runs as root)");
    }

    /** Copies the distribution into the test home, keeping the test's configs/ and data/. */
    static void copyTree(Path from, Path to, Set<String> skipTopLevel) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path src : files.toList()) {
                Path rel = from.relativize(src);
                if (rel.getNameCount() > 0 && skipTopLevel.contains(rel.getName(0).toString())) {
                    continue;
                }
                Path dst = to.resolve(rel.toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(to.resolve("logs"));
        for (String script : List.of("bin/tegami", "bin/tegami-ctl")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(to.resolve(script));
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(to.resolve(script), perms);
        }
        assertFalse(Files.exists(to.resolve("data/felix-cache")), "a fresh framework cache");
    }
}
