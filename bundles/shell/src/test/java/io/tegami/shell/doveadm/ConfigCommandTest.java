package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;

/** doveadm config: Dovecot-named settings only, doveconf's layout. */
class ConfigCommandTest {

    private final MapMailParameters params = new MapMailParameters(Path.of("/opt/tegami"), Map.of(
            "mail_location", "maildir:~/Maildir", "auth_mechanisms", "plain login", "myhostname", "mx.example.com",
            "quota_grace", "10%", "listen", "127.0.0.1"))
            .set("auth_mechanisms", "plain login cram-md5").set("myorigin", "example.com").set("quota_rule", "*:storage=1G");

    private String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConfigCommand(params).run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void allSettingsWithDefaultsSortedAfterTheComments() {
        assertEquals("# Tegami: " + Path.of("/opt/tegami/configs/tegami.main.cfg") + "\n"
                + "# NOTE: Send doveconf -n output instead when asking for help.\n"
                + "auth_mechanisms = plain login cram-md5\nlisten = 127.0.0.1\nmail_location = maildir:~/Maildir\n"
                + "quota_grace = 10%\nquota_rule = *:storage=1G\n", run());
    }

    @Test
    void onlyExplicitOnesWithN() {
        String out = run("-n");
        assertTrue(out.endsWith("\nauth_mechanisms = plain login cram-md5\nquota_rule = *:storage=1G\n"), out);
        assertFalse(out.contains("myorigin"), out); // Postfix's names are postconf's
        assertFalse(out.contains("NOTE"), out);
    }

    @Test
    void namedSettingsAloneAndUnknownOnesPrintNothing() {
        assertEquals("mail_location = maildir:~/Maildir\n", run("mail_location", "bogus", "myhostname"));
        assertEquals("", run("-n", "mail_location"));
        assertTrue(ConfigCommand.isDovecotName("ssl_min_protocol"));
        assertFalse(ConfigCommand.isDovecotName("smtpd_recipient_restrictions"));
    }
}
