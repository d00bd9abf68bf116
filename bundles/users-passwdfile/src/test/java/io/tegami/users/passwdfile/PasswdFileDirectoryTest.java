package io.tegami.users.passwdfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswdFileDirectoryTest {

    @TempDir
    Path home;
    MapMailParameters params;
    PasswdFileDirectory dir;
    Path passwd;

    @BeforeEach
    void setUp() {
        params = PasswdFileParameters.at(home);
        dir = new PasswdFileDirectory(params);
        passwd = home.resolve("data/passwd");
    }

    private void writePasswd(String text) throws Exception {
        Files.createDirectories(passwd.getParent());
        Files.writeString(passwd, text, StandardCharsets.UTF_8);
    }

    @Test
    void missingFileMeansNoUsers() throws Exception {
        assertTrue(dir.lookup("alice").isEmpty());
        assertTrue(dir.authenticate("alice", "x".toCharArray()).isEmpty());
    }

    @Test
    void lookupIsExactAndFillsHomeAndIds() throws Exception {
        writePasswd("""
                # users
                alice:{PLAIN}wonder:1000:1000::/srv/alice::userdb_mail=maildir:~/Mail

                bob:{PLAIN}builder
                """);
        User alice = dir.lookup("alice").orElseThrow();
        assertEquals(1000, alice.uid());
        assertEquals(Path.of("/srv/alice"), alice.home());
        assertEquals(Map.of("userdb_mail", "maildir:~/Mail"), alice.fields());
        assertTrue(dir.lookup("Alice").isEmpty(), "names are case-sensitive, like Dovecot");
        assertTrue(dir.lookup("# users").isEmpty());

        User bob = dir.lookup("bob").orElseThrow();
        assertEquals(-1, bob.uid());
        assertEquals(-1, bob.gid());
        assertEquals(home.resolve("data/home/bob").toAbsolutePath(), bob.home(), "empty home -> mail_home");
    }

    @Test
    void authenticateDoesNotTellUnknownFromWrong() throws Exception {
        writePasswd("alice:{PLAIN}wonder\n");
        assertEquals("alice", dir.authenticate("alice", "wonder".toCharArray()).orElseThrow().name());
        assertTrue(dir.authenticate("alice", "wrong".toCharArray()).isEmpty());
        assertTrue(dir.authenticate("nobody", "wonder".toCharArray()).isEmpty());
        assertTrue(dir.authenticate(null, "wonder".toCharArray()).isEmpty());
    }

    @Test
    void reloadsWhenTheFileChanges() throws Exception {
        writePasswd("alice:{PLAIN}one\n");
        assertTrue(dir.authenticate("alice", "one".toCharArray()).isPresent());
        // Same size on purpose: only the mtime tells the versions apart.
        writePasswd("alice:{PLAIN}two\n");
        Files.setLastModifiedTime(passwd, FileTime.from(Instant.now().plusSeconds(5)));
        assertTrue(dir.authenticate("alice", "two".toCharArray()).isPresent());
        assertTrue(dir.authenticate("alice", "one".toCharArray()).isEmpty());

        Files.delete(passwd);
        assertTrue(dir.lookup("alice").isEmpty());
    }

    @Test
    void addRemoveAndPasswdKeepOtherLinesIntact() throws Exception {
        String original = "# managed by hand\r\n"
                + "carol:{PLAIN}c:1:1:Carol:/home/carol::userdb_mail=maildir:~/Mail\n"
                + "\n"
                + "legacy:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\n";
        writePasswd(original);

        User added = dir.add("alice", "s3cret".toCharArray());
        assertEquals(home.resolve("data/home/alice").toAbsolutePath().normalize(), added.home());
        assertTrue(added.home().isAbsolute());
        String afterAdd = Files.readString(passwd, StandardCharsets.ISO_8859_1);
        assertTrue(afterAdd.startsWith(original), "existing lines kept byte for byte");
        String line = afterAdd.substring(original.length());
        assertTrue(line.matches("alice:\\{SHA512-CRYPT\\}\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}::::"
                + java.util.regex.Pattern.quote(added.home().toString()) + "::\n"), line);
        assertTrue(dir.authenticate("alice", "s3cret".toCharArray()).isPresent());
        assertEquals(added.home(), dir.lookup("alice").orElseThrow().home());

        assertTrue(dir.setPassword("carol", "new".toCharArray()));
        assertTrue(dir.authenticate("carol", "new".toCharArray()).isPresent());
        assertTrue(dir.authenticate("carol", "c".toCharArray()).isEmpty());
        User carol = dir.lookup("carol").orElseThrow();
        assertEquals(Map.of("userdb_mail", "maildir:~/Mail"), carol.fields(), "other fields untouched");
        assertFalse(dir.setPassword("nobody", "x".toCharArray()));

        assertTrue(dir.remove("alice"));
        assertFalse(dir.remove("alice"));
        String text = Files.readString(passwd, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("# managed by hand\r\ncarol:{SHA512-CRYPT}$6$"), text);
        assertTrue(text.endsWith(":1:1:Carol:/home/carol::userdb_mail=maildir:~/Mail\n\n"
                + "legacy:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\n"), text);
        assertTrue(dir.authenticate("legacy", "secret".toCharArray()).isPresent());
    }

    @Test
    void writtenFileIsPrivateAndNoTempFilesRemain() throws Exception {
        dir.add("alice", "pw".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwd)));
        try (Stream<Path> files = Files.list(passwd.getParent())) {
            assertEquals(List.of("passwd"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void addRefusesDuplicatesAndBadNames() throws Exception {
        dir.add("alice", "pw".toCharArray());
        assertThrows(DirectoryException.class, () -> dir.add("alice", "pw".toCharArray()));
        for (String bad : new String[] {"", "Alice", ".alice", "-a", "a/b", "a:b", "a b", "../x", "a@b",
                "x".repeat(65), "\u00e9t\u00e9", null}) {
            assertThrows(DirectoryException.class, () -> dir.add(bad, "pw".toCharArray()), String.valueOf(bad));
        }
        assertThrows(DirectoryException.class, () -> dir.add("bob", new char[0]));
        dir.add("a.b_c-d9", "pw".toCharArray());
        dir.add("x".repeat(64), "pw".toCharArray());
    }

    @Test
    void concurrentAddsAreAllKept() throws Exception {
        writePasswd("# header\n");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<User>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String name = "user" + i;
                futures.add(pool.submit(() -> dir.add(name, ("pw" + name).toCharArray())));
            }
            for (Future<User> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(passwd);
        assertEquals(41, lines.size());
        assertEquals("# header", lines.get(0));
        for (int i = 0; i < 40; i++) {
            assertTrue(dir.authenticate("user" + i, ("pwuser" + i).toCharArray()).isPresent(), "user" + i);
        }
    }

    @Test
    void passwdFileParameterIsReadAtEachCall() throws Exception {
        Path other = home.resolve("etc/users");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "zoe:{PLAIN}z\n");
        assertTrue(dir.lookup("zoe").isEmpty());
        params.set("passwd_file", "etc/users");
        assertTrue(dir.lookup("zoe").isPresent());
    }

    @Test
    void homeTemplateVariables() {
        Path base = Path.of("/base");
        assertEquals(Path.of("/base/data/home/al"), HomeTemplate.expand("data/home/%u", "al", base));
        assertEquals(Path.of("/m/ex.org/al/50%"), HomeTemplate.expand("/m/%d/%n/50%%", "al@ex.org", base));
        assertEquals(Path.of("/m/ex.org/al@ex.org"), HomeTemplate.expand("/m/%{domain}/%{user}", "al@ex.org", base));
        assertThrows(IllegalArgumentException.class, () -> HomeTemplate.expand("/m/%z", "al", base));
    }

    @Test
    void renderKeepsBytesOfForeignLines() throws Exception {
        byte[] latin1 = {'#', ' ', (byte) 0xE9, '\n', 'a', ':', 'b'};
        Files.createDirectories(passwd.getParent());
        Files.write(passwd, latin1);
        dir.setPassword("a", "pw".toCharArray());
        byte[] after = Files.readAllBytes(passwd);
        assertArrayEquals(new byte[] {'#', ' ', (byte) 0xE9, '\n'}, java.util.Arrays.copyOf(after, 4));
        assertTrue(dir.authenticate("a", "pw".toCharArray()).isPresent());
    }
}
