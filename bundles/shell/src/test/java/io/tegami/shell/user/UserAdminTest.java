package io.tegami.shell.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.shell.CommandFailedException;
import io.tegami.shell.fakes.FakeUserAccounts;

class UserAdminTest {

    private final FakeUserAccounts accounts = new FakeUserAccounts();
    private final UserAdmin admin = new UserAdmin(accounts);

    @Test
    void addRemoveAndChangePassword() {
        assertEquals("useradd: added user 'alice@example.com'", admin.add("alice@example.com", "s3cret pass"));
        assertEquals(Map.of("alice@example.com", "s3cret pass"), accounts.passwords);
        assertArrayEquals(new char[11], accounts.lastPasswordArray, "the password array is wiped after use");

        assertEquals("passwd: password updated for 'alice@example.com'", admin.setPassword("alice@example.com", "new"));
        assertEquals("new", accounts.passwords.get("alice@example.com"));

        assertEquals("userdel: removed user 'alice@example.com' (mail on disk is kept)", admin.remove("alice@example.com"));
        assertFalse(accounts.passwords.containsKey("alice@example.com"));
    }

    @Test
    void directoryErrorsFailTheCommand() {
        admin.add("bob", "x");
        assertFails("useradd: user 'bob' already exists", () -> admin.add("bob", "y"));
        accounts.failing = true;
        assertFails("passwd: cannot write data/passwd: Read-only file system", () -> admin.setPassword("bob", "z"));
    }

    @Test
    void unknownUsersFail() {
        assertFails("userdel: user 'nobody' does not exist", () -> admin.remove("nobody"));
        assertFails("passwd: user 'nobody' does not exist", () -> admin.setPassword("nobody", "x"));
    }

    @Test
    void badNamesAndPasswordsFailBeforeTheDirectoryIsAsked() {
        for (String bad : new String[] {"", "../etc", "a/b", "a:b", "a b", "-rf", ".hidden", "a..b", "x".repeat(255)}) {
            assertThrows(CommandFailedException.class, () -> admin.add(bad, "pw"), bad);
        }
        assertFails("useradd: the password is empty", () -> admin.add("carol", ""));
        assertFails("useradd: the password contains a control character", () -> admin.add("carol", "a\nb"));
        assertEquals(Map.of(), accounts.passwords);
    }

    @Test
    void noDirectoryIsExplained() {
        assertFails("useradd: no editable user directory is available (is the users-passwdfile bundle running?)",
                () -> new UserAdmin(null).add("alice", "pw"));
    }

    private static void assertFails(String message, Runnable command) {
        assertEquals(message, assertThrows(CommandFailedException.class, command::run).getMessage());
    }
}
