package io.tegami.shell.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.tegami.shell.fakes.FakeUserAccounts;

class SecretThreadNameTest {

    @Test
    void theDirectoryNeverSeesThePasswordInTheThreadName() throws Exception {
        FakeUserAccounts accounts = new FakeUserAccounts();
        UserCommands commands = new UserCommands(accounts);
        // Gogo names a pipeline's thread after the command line.
        Thread add = new Thread(() -> commands.useradd("alice", "s3cret"), "pipe-useradd alice s3cret");
        add.start();
        add.join();
        assertEquals("pipe-useradd", accounts.lastThreadName);
        Thread passwd = new Thread(() -> commands.passwd("alice", "n3w"), "pipe-passwd alice n3w");
        passwd.start();
        passwd.join();
        assertEquals("pipe-passwd", accounts.lastThreadName);
        assertEquals("n3w", accounts.passwords.get("alice"));
    }

    @Test
    void theNameComesBackEvenWhenTheCommandFails() {
        String before = Thread.currentThread().getName();
        assertThrows(RuntimeException.class, () -> SecretThreadName.during("passwd", () -> {
            throw new IllegalStateException("x");
        }));
        assertEquals(before, Thread.currentThread().getName());
    }
}
