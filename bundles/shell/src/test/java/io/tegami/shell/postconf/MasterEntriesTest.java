package io.tegami.shell.postconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.shell.CommandFailedException;

class MasterEntriesTest {

    private final List<Map<String, Object>> listeners = new ArrayList<>();
    private final MapMailParameters params = new MapMailParameters(Path.of("/opt/tegami"),
            Map.of("myhostname", "mx.example.com", "smtpd_tls_security_level", "may"));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    MasterEntriesTest() {
        Map<String, Object> smtp = new LinkedHashMap<>();
        smtp.put("service.pid", "tegami.listener~smtp");
        smtp.put("service.factoryPid", "tegami.listener");
        smtp.put("felix.fileinstall.filename", "file:/opt/tegami/configs/tegami.listener-smtp.cfg");
        smtp.put("name", "smtp");
        smtp.put("protocol", "smtp");
        smtp.put("address", "127.0.0.1");
        smtp.put("port", "2525");
        smtp.put("tls", "starttls");
        listeners.add(smtp);
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("name", "submission");
        submission.put("protocol", "smtp");
        submission.put("port", 2587);
        submission.put("max_connections", "50");
        submission.put("smtpd_tls_security_level", "encrypt");
        submission.put("smtpd_sasl_auth_enable", "yes");
        submission.put("syslog_name", "$myhostname/submission");
        listeners.add(submission);
        listeners.add(Map.of("protocol", "imap", "port", "143"));
        listeners.add(Map.of("protocol", "sieve", "port", "4190"));
    }

    private void run(String... args) {
        new Postconf(params, null, () -> listeners, Path.of("/x")).run(PostconfRequest.parse(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyListenerInMasterCfColumnsSortedByName() {
        run("-M");
        assertEquals("""
                imap       inet  n       -       n       -       -       imap -o port=143
                sieve      inet  n       -       n       -       -       managesieve -o port=4190
                smtp       inet  n       -       n       -       -       smtpd -o address=127.0.0.1 -o port=2525 -o tls=starttls
                submission inet  n       -       n       -       50      smtpd -o port=2587 -o smtpd_sasl_auth_enable=yes -o smtpd_tls_security_level=encrypt -o syslog_name=$myhostname/submission
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void selectedByNameOrNameAndTypeFoldedAndExpanded() {
        run("-Mfx", "submission/inet");
        assertEquals("""
                submission inet  n       -       n       -       50      smtpd
                    -o port=2587
                    -o smtpd_sasl_auth_enable=yes
                    -o smtpd_tls_security_level=encrypt
                    -o syslog_name=mx.example.com/submission
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unmatchedRequestsAreWarnings() {
        run("-M", "imap", "smtp/unix", "nosuch");
        assertEquals("imap       inet  n       -       n       -       -       imap -o port=143\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("postconf: warning: unmatched request: \"smtp/unix\"\n"
                + "postconf: warning: unmatched request: \"nosuch\"\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedPatternsAreFatal() {
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> run("-M", "/inet"));
        assertEquals("postconf: fatal: -M option requires service_name[/type]", e.getMessage());
        assertThrows(CommandFailedException.class, () -> run("-M", "a/b/c"));
    }

    @Test
    void longServiceNamesPushLaterColumnsRight() {
        MasterEntries.Entry e = new MasterEntries.Entry("127.0.0.1:2587", "inet",
                List.of("127.0.0.1:2587", "inet", "n", "-", "n", "-", "-", "smtpd"));
        // Postfix prints exactly this for that master.cf line (postconf 3.7).
        assertEquals("127.0.0.1:2587 inet n    -       n       -       -       smtpd", MasterEntries.format(e, false));
    }
}
