package io.tegami.managesieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PUTSCRIPT, CHECKSCRIPT, LISTSCRIPTS, GETSCRIPT, SETACTIVE, DELETESCRIPT, RENAMESCRIPT, HAVESPACE. */
class ScriptCommandsTest {

    @TempDir
    Path dir;

    private Harness loggedIn(String... parameters) {
        Harness h = new Harness(dir, parameters);
        h.start();
        assertEquals("OK \"Logged in.\"\r\n", h.login());
        return h;
    }

    private static String put(String name, String script) {
        return "PUTSCRIPT \"" + name + "\" {" + script.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "+}\r\n" + script + "\r\n";
    }

    @Test
    void putListGetActivateInPigeonholesLayout() throws Exception {
        Harness h = loggedIn();
        String script = "require \"fileinto\";\r\nfileinto \"Work\";\r\n";
        assertEquals("OK \"PUTSCRIPT completed.\"\r\n", h.send(put("main", script)));
        assertEquals("OK \"PUTSCRIPT completed.\"\r\n", h.send("PUTSCRIPT \"other\" \"keep;\"\r\n"));
        Path home = h.home("alice");
        assertEquals(script, Files.readString(home.resolve("sieve/main.sieve")));
        assertEquals("\"main\"\r\n\"other\"\r\nOK \"Listscripts completed.\"\r\n", h.send("LISTSCRIPTS\r\n"));
        assertEquals("OK \"Setactive completed.\"\r\n", h.send("SETACTIVE \"main\"\r\n"));
        assertEquals(Path.of("sieve/main.sieve"), Files.readSymbolicLink(home.resolve(".dovecot.sieve")));
        assertEquals("\"main\" ACTIVE\r\n\"other\"\r\nOK \"Listscripts completed.\"\r\n", h.send("LISTSCRIPTS\r\n"));
        assertEquals("{" + script.length() + "}\r\n" + script + "\r\nOK \"Getscript completed.\"\r\n",
                h.send("GETSCRIPT \"main\"\r\n"));
        assertEquals("NO (NONEXISTENT) \"Sieve script `nope' not found\"\r\n", h.send("GETSCRIPT \"nope\"\r\n"));
        assertEquals("NO (NONEXISTENT) \"Sieve script `nope' not found\"\r\n", h.send("SETACTIVE \"nope\"\r\n"));
        assertEquals("OK \"Active script is now deactivated.\"\r\n", h.send("SETACTIVE \"\"\r\n"));
        assertFalse(Files.exists(home.resolve(".dovecot.sieve"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void brokenScriptIsRefusedWithItsErrorsAndNotStored() {
        Harness h = loggedIn();
        String one = "bad: line 2: error: unknown command 'bogus'.\r\nbad: error: validation failed.\r\n";
        assertEquals("NO {" + one.length() + "}\r\n" + one + "\r\n", h.send(put("bad", "keep;\nbogus;\n")));
        String two = "bad: line 1: error: unknown command 'bogus'.\r\nbad: line 2: error: unknown command 'bogus'.\r\n"
                + "bad: error: validation failed.\r\n";
        assertEquals("NO {" + two.length() + "}\r\n" + two + "\r\n", h.send(put("bad", "bogus;\nbogus;\n")));
        assertFalse(Files.exists(h.home("alice").resolve("sieve/bad.sieve")));
        assertEquals("OK \"Script checked successfully.\"\r\n", h.send("CHECKSCRIPT \"keep;\"\r\n"));
        String unnamed = "line 1: error: unknown command 'bogus'.\r\nerror: validation failed.\r\n";
        assertEquals("NO {" + unnamed.length() + "}\r\n" + unnamed + "\r\n", h.send("CHECKSCRIPT {6+}\r\nbogus;\r\n"));
        // Warnings: stored, and said with OK (WARNINGS), named for PUTSCRIPT and SETACTIVE.
        String warned = "w: line 2: warning: this is a warning.\r\n";
        assertEquals("OK (WARNINGS) {" + warned.length() + "}\r\n" + warned + "\r\n", h.send(put("w", "keep;\n# warnme\n")));
        assertEquals("OK (WARNINGS) {" + warned.length() + "}\r\n" + warned + "\r\n", h.send("SETACTIVE \"w\"\r\n"));
        String unnamedWarning = "line 1: warning: this is a warning.\r\n";
        assertEquals("OK (WARNINGS) {" + unnamedWarning.length() + "}\r\n" + unnamedWarning + "\r\n",
                h.send("CHECKSCRIPT \"# warnme\"\r\n"));
    }

    @Test
    void namesThatWouldLeaveTheScriptDirectoryAreRefused() {
        Harness h = loggedIn();
        // Pigeonhole's words (dovecot-managesieved 2.3.19): PUTSCRIPT says "Sieve script name".
        assertEquals("NO \"Invalid Sieve script name `../x'.\"\r\n", h.send("PUTSCRIPT \"../x\" \"keep;\"\r\n"));
        assertEquals("NO \"Invalid script name `a/b'.\"\r\n", h.send("GETSCRIPT \"a/b\"\r\n"));
        assertEquals("NO \"Invalid script name.\"\r\n", h.send("HAVESPACE \"a/b\" 1\r\n"));
        // A name Pigeonhole allows but Tegami never stores (a hidden file) is not there.
        assertEquals("NO (NONEXISTENT) \"Sieve script `.hidden' not found\"\r\n", h.send("GETSCRIPT \".hidden\"\r\n"));
        assertEquals("NO \"Invalid Sieve script name `.hidden'.\"\r\n", h.send("PUTSCRIPT \".hidden\" \"keep;\"\r\n"));
        assertEquals("NO \"Invalid script name `.x'.\"\r\n", h.send("RENAMESCRIPT \"a\" \".x\"\r\n"));
        assertFalse(Files.exists(h.home("alice").resolve("x.sieve")));
    }

    @Test
    void activeScriptCannotBeDeletedAndRenameKeepsItActive() throws Exception {
        Harness h = loggedIn();
        h.send("PUTSCRIPT \"a\" \"keep;\"\r\n");
        h.send("PUTSCRIPT \"b\" \"discard;\"\r\n");
        h.send("SETACTIVE \"a\"\r\n");
        assertEquals("NO (ACTIVE) \"Cannot delete the active Sieve script.\"\r\n", h.send("DELETESCRIPT \"a\"\r\n"));
        assertEquals("NO (ALREADYEXISTS) \"A sieve script with that name already exists.\"\r\n",
                h.send("RENAMESCRIPT \"a\" \"b\"\r\n"));
        assertEquals("OK \"Renamescript completed.\"\r\n", h.send("RENAMESCRIPT \"a\" \"c\"\r\n"));
        assertEquals("\"b\"\r\n\"c\" ACTIVE\r\nOK \"Listscripts completed.\"\r\n", h.send("LISTSCRIPTS\r\n"));
        assertEquals(Path.of("sieve/c.sieve"), Files.readSymbolicLink(h.home("alice").resolve(".dovecot.sieve")));
        assertEquals("OK \"Deletescript completed.\"\r\n", h.send("DELETESCRIPT \"b\"\r\n"));
        assertEquals("NO (NONEXISTENT) \"Sieve script `b' not found\"\r\n", h.send("DELETESCRIPT \"b\"\r\n"));
        assertEquals("NO (NONEXISTENT) \"Sieve script `zz' not found\"\r\n", h.send("RENAMESCRIPT \"zz\" \"y\"\r\n"));
    }

    @Test
    void quotasAnswerHaveSpaceAndPutScript() {
        Harness h = loggedIn("sieve_max_script_size", "10", "sieve_quota_max_scripts", "2",
                "sieve_quota_max_storage", "12");
        assertEquals("OK \"Putscript would succeed.\"\r\n", h.send("HAVESPACE \"a\" 10\r\n"));
        assertEquals("NO (QUOTA/MAXSIZE) \"Script is too large (max 10 bytes).\"\r\n", h.send("HAVESPACE \"a\" 11\r\n"));
        assertEquals("NO (QUOTA/MAXSIZE) \"Script is too large (max 10 bytes).\"\r\n",
                h.send(put("big", "keep; keep; keep;")));
        assertEquals("OK \"PUTSCRIPT completed.\"\r\n", h.send("PUTSCRIPT \"a\" \"keep;\"\r\n"));
        assertEquals("OK \"PUTSCRIPT completed.\"\r\n", h.send("PUTSCRIPT \"b\" \"stop;\"\r\n"));
        assertEquals("NO (QUOTA/MAXSCRIPTS) \"Script count quota exceeded (max 2 scripts).\"\r\n",
                h.send("HAVESPACE \"c\" 1\r\n"));
        assertEquals("NO (QUOTA/MAXSTORAGE) \"Script storage quota exceeded (max 12 bytes).\"\r\n",
                h.send("PUTSCRIPT \"b\" \"discard;\"\r\n"));
        assertEquals("NO \"Invalid scriptsize argument.\"\r\n", h.send("HAVESPACE \"c\" \"1\"\r\n"));
        assertEquals("NO \"Error in MANAGESIEVE command HAVESPACE: Missing arguments.\"\r\n", h.send("HAVESPACE \"c\"\r\n"));
    }

    @Test
    void unlimitedScriptSizeStillNeverStoresATruncatedScript() {
        Harness h = loggedIn("sieve_max_script_size", "0");
        String huge = "#" + "x".repeat(17 * 1024 * 1024) + "\nkeep;\n";
        assertEquals("NO (QUOTA/MAXSIZE) \"Script is too large.\"\r\n", h.send(put("huge", huge)));
        assertFalse(Files.exists(h.home("alice").resolve("sieve/huge.sieve")));
    }

    @Test
    void withoutTheEngineUploadsWaitButListingWorks() {
        Harness h = loggedIn();
        h.handler.bind(h.parameters, h.users, h.penalty, null);
        assertEquals("NO (TRYLATER) \"Sieve engine unavailable.\"\r\n", h.send("PUTSCRIPT \"a\" \"keep;\"\r\n"));
        assertEquals("OK \"Listscripts completed.\"\r\n", h.send("LISTSCRIPTS\r\n"));
    }

    @Test
    void aLinkOutOfTheHomeIsNotAScript() throws Exception {
        Harness h = loggedIn();
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        Files.createDirectories(h.home("alice").resolve("sieve"));
        Files.createSymbolicLink(h.home("alice").resolve("sieve/leak.sieve"), secret);
        assertEquals("NO (NONEXISTENT) \"Sieve script `leak' not found\"\r\n", h.send("GETSCRIPT \"leak\"\r\n"));
        assertEquals("OK \"Listscripts completed.\"\r\n", h.send("LISTSCRIPTS\r\n"));
        assertEquals("OK \"PUTSCRIPT completed.\"\r\n", h.send("PUTSCRIPT \"leak\" \"keep;\"\r\n"));
        assertEquals("top secret", Files.readString(secret));
        assertTrue(Files.isRegularFile(h.home("alice").resolve("sieve/leak.sieve"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void storageFailuresAreTryLaterWithPigeonholesStampedText() throws Exception {
        Harness h = loggedIn();
        Files.createDirectories(h.home("alice"));
        Files.writeString(h.home("alice").resolve("sieve"), "not a directory");
        String reply = h.send("PUTSCRIPT \"a\" \"keep;\"\r\n");
        assertTrue(reply.matches("NO \\(TRYLATER\\) \"Internal error occurred\\. Refer to server log for more information\\."
                + " \\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\]\"\r\n"), reply);
    }
}
