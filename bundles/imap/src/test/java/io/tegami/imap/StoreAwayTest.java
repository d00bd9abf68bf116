package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.store.MailStore;
import io.tegami.store.maildir.MaildirStore;

/**
 * A selected session whose mail store service goes away (the store bundle stopped or updated)
 * says so with {@code * BYE [UNAVAILABLE]} (RFC 5530: a subsystem is down), not with the text
 * of a folder deleted by another session, which stays for a real deletion. The store is taken
 * away as Declarative Services does it: the service is unbound first, then the component is
 * deactivated, which closes every open handle.
 */
class StoreAwayTest {

    static final String STORE_GONE = "* BYE [UNAVAILABLE] Mail storage is not available.\r\n";

    @TempDir
    Path dir;
    ImapHarness server;
    ImapClient a;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
        a = server.alice();
        a.expectOk("s SELECT INBOX");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The store component's deactivation (package-private in the store bundle, as DS calls it). */
    private static void deactivate(MailStore store) throws Exception {
        Method m = MaildirStore.class.getDeclaredMethod("deactivate");
        m.setAccessible(true);
        m.invoke(store);
    }

    @Test
    void storeStoppedUnderASelectedSession() throws Exception {
        server.handler.removeStore(server.store);
        deactivate(server.store);
        String out = a.command("n NOOP");
        assertEquals(STORE_GONE, out);
        assertTrue(a.isClosed());
    }

    @Test
    void storeUpdatedUnderAnIdlingSession() throws Exception {
        assertEquals("+ idling\r\n", a.command("i IDLE"));
        server.handler.removeStore(server.store);
        deactivate(server.store);
        server.handler.addStore(new MaildirStore(server.params), Map.of(MailStore.TYPE, "maildir"));
        assertEquals(STORE_GONE, a.runTasks(), "the store's closed() wakes IDLE up");
        assertFalse(a.connection.isOpen());
    }

    @Test
    void aFolderDeletedByAnotherSessionKeepsDovecotsText() {
        ImapClient b = server.alice();
        a.expectOk("c CREATE Tmp");
        a.expectOk("d SELECT Tmp");
        b.expectOk("e DELETE Tmp");
        String out = a.command("n NOOP");
        assertTrue(out.startsWith("* BYE Selected mailbox was deleted, have to disconnect.\r\n"), out);
        assertTrue(a.isClosed());
    }

    @Test
    void loginWhileTheStoreIsAway() {
        server.handler.removeStore(server.store);
        ImapClient c = server.connect();
        assertEquals("l NO [UNAVAILABLE] Temporary failure: mail storage is not available. Try again later.\r\n",
                c.command("l LOGIN alice secret"));
    }
}
