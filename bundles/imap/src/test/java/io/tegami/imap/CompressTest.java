package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COMPRESS=DEFLATE (RFC 4978) with the semantics of Dovecot's {@code imap_zlib} plugin: offered
 * only when the plugin is in {@code mail_plugins}, after login; the compression starts right after
 * the tagged OK; a second COMPRESS is {@code NO [COMPRESSIONACTIVE]}.
 */
class CompressTest {

    @TempDir
    Path dir;
    ImapHarness server;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutThePluginThereIsNoCompress() {
        ImapClient c = server.alice();
        assertFalse(c.command("a CAPABILITY").contains("COMPRESS"));
        assertEquals("b BAD Error in IMAP command COMPRESS: Unknown command.\r\n", c.command("b COMPRESS DEFLATE"));
        assertEquals(-1, c.connection.compressionLevel());
    }

    @Test
    void offeredAfterLoginWhenThePluginIsLoaded() {
        server.params.set("mail_plugins", "quota imap_zlib");
        ImapClient c = server.connect();
        assertFalse(c.greeting.contains("COMPRESS"), "imap-login does not offer it");
        assertTrue(c.command("a COMPRESS DEFLATE").startsWith("a BAD Error in IMAP command COMPRESS: Login first."));
        String login = c.expectOk("b LOGIN alice secret");
        assertTrue(login.contains(" COMPRESS=DEFLATE"), login);
        assertTrue(c.command("c CAPABILITY").contains(" COMPRESS=DEFLATE"));
        // Dovecot 2.4's name for the plugin works too.
        server.params.set("mail_plugins", "imap_compress");
        assertTrue(c.command("d CAPABILITY").contains(" COMPRESS=DEFLATE"));
    }

    @Test
    void compressionStartsAfterTheTaggedOk() {
        server.params.set("mail_plugins", "imap_zlib");
        ImapClient c = server.alice();
        c.expectOk("s SELECT INBOX");
        assertEquals("a OK Begin compression.\r\n", c.command("a COMPRESS deflate"));
        assertEquals(6, c.connection.compressionLevel(), "imap_zlib_compress_level's default");
        assertTrue(c.connection.outputAtCompression().endsWith("a OK Begin compression.\r\n"),
                "the tagged OK was written before compression started");
        assertEquals("b NO [COMPRESSIONACTIVE] COMPRESSION=DEFLATE already enabled.\r\n", c.command("b COMPRESS DEFLATE"));
        assertEquals("c OK NOOP completed.\r\n", c.command("c NOOP"));
    }

    @Test
    void levelAndBadArguments() {
        server.params.set("mail_plugins", "imap_zlib").set("imap_zlib_compress_level", "9");
        ImapClient c = server.alice();
        assertEquals("a NO Unknown compression mechanism: LZ4\r\n", c.command("a COMPRESS LZ4"));
        assertTrue(c.command("b COMPRESS").startsWith("b BAD"));
        assertTrue(c.command("c COMPRESS DEFLATE extra").startsWith("c BAD"));
        assertEquals(-1, c.connection.compressionLevel(), "refused commands never compress");
        c.expectOk("d COMPRESS DEFLATE");
        assertEquals(9, c.connection.compressionLevel());
    }
}
