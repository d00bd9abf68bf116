package io.tegami.imap.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharedRefreshTest {

    @Test
    void oneRefreshPerFolderAndInterval() {
        String home = "/tmp/shared-refresh-test-" + System.nanoTime();
        assertTrue(SharedRefresh.due(home, "INBOX", 1_000_000, 30_000), "the first session refreshes");
        assertFalse(SharedRefresh.due(home, "INBOX", 1_000_500, 30_000), "the next shares it");
        assertTrue(SharedRefresh.due(home, "Sent", 1_000_500, 30_000), "another folder is its own");
        assertTrue(SharedRefresh.due(home + "x", "INBOX", 1_000_500, 30_000), "another user's too");
        assertTrue(SharedRefresh.due(home, "INBOX", 1_028_000, 30_000), "a tick later it is due again");
        assertFalse(SharedRefresh.due(home, "INBOX", 1_029_000, 30_000));
    }
}
