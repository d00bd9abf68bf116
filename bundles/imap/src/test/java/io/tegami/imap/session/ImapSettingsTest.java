package io.tegami.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.ListenerInfo;

class ImapSettingsTest {

    final MapMailParameters params = MapMailParameters.of(Path.of("/srv/tegami"));

    ImapSettings settings(Map<String, String> listenerOptions) {
        return new ImapSettings(() -> params, new ListenerInfo("imap", "imap", ListenerInfo.TlsMode.STARTTLS, listenerOptions));
    }

    @Test
    void defaultsAreDovecots() {
        ImapSettings s = settings(Map.of());
        assertEquals("Tegami ready.", s.greeting());
        assertEquals(65536, s.maxLineLength());
        assertEquals(10, s.maxUserIpConnections());
        assertEquals(Duration.ofMinutes(2), s.idleNotifyInterval());
        assertEquals(Duration.ofSeconds(30), s.idleCheckInterval());
        assertEquals("yes", s.ssl());
        assertEquals(List.of("PLAIN", "LOGIN"), s.authMechanisms());
        assertEquals(List.of("Drafts", "Sent", "Trash", "Junk"), s.autocreate());
        assertEquals(Path.of("/tmp").getFileSystem(), s.tempDir().getFileSystem());
    }

    @Test
    void dovecotAndPostfixNotations() {
        params.set("imap_max_line_length", "8k").set("imap_idle_notify_interval", "5 mins")
                .set("mailbox_idle_check_interval", "45").set("ssl", "REQUIRED").set("message_size_limit", "0")
                .set("mailbox_autocreate", "").set("data_directory", "data");
        ImapSettings s = settings(Map.of());
        assertEquals(8192, s.maxLineLength());
        assertEquals(Duration.ofMinutes(5), s.idleNotifyInterval());
        assertEquals(Duration.ofSeconds(45), s.idleCheckInterval());
        assertEquals("required", s.ssl());
        assertEquals(0, s.appendLimit());
        assertEquals(List.of(), s.autocreate());
        assertEquals(Path.of("/srv/tegami/data/tmp"), s.tempDir());
        params.set("imap_idle_notify_interval", "nonsense").set("imap_max_line_length", "lots");
        assertEquals(Duration.ofMinutes(2), s.idleNotifyInterval());
        assertEquals(65536, s.maxLineLength());
    }

    @Test
    void listenerOptionsWin() {
        params.set("ssl", "yes").set("disable_plaintext_auth", "yes");
        ImapSettings s = settings(Map.of("ssl", "required", "disable_plaintext_auth", "no"));
        assertEquals("required", s.ssl());
        assertEquals(false, s.disablePlaintextAuth());
    }

    @Test
    void compressIsThePluginsChoice() {
        ImapSettings s = settings(Map.of());
        assertEquals(false, s.compressEnabled());
        assertEquals(6, s.compressLevel());
        params.set("mail_plugins", "quota, imap_zlib").set("imap_zlib_compress_level", "12");
        assertEquals(true, s.compressEnabled());
        assertEquals(9, s.compressLevel(), "clamped to zlib's range");
        assertEquals(false, settings(Map.of("mail_plugins", "quota")).compressEnabled(), "a protocol imap block wins");
    }
}
