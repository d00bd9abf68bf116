package io.tegami.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.table.TableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** smtp_sasl_password_maps keys in Postfix's order: (sender,) server host, then destination as written. */
class PasswordLookupTest {

    @TempDir
    Path home;

    @Test
    void keysInPostfixOrder() {
        Nexthop relay = Nexthop.parse("[mail.isp.example]:587", 25, PortNames.DEFAULT_KNOWN);
        assertEquals(List.of("mail.isp.example", "[mail.isp.example]:587"),
                PasswordLookup.keys(MailAddress.parse("a@b.example"), false, "mail.isp.example", relay));
        Nexthop domain = Nexthop.domain("example.org", 25);
        assertEquals(List.of("a@b.example", "@b.example", "mx1.example.org", "example.org"),
                PasswordLookup.keys(MailAddress.parse("a@b.example"), true, "mx1.example.org", domain));
        assertEquals(List.of("mx1.example.org", "example.org"),
                PasswordLookup.keys(MailAddress.NULL_SENDER, true, "mx1.example.org", domain));
    }

    @Test
    void theFirstKeyWithAnAnswerWins() throws Exception {
        Path map = home.resolve("sasl_passwd");
        Files.writeString(map, "[mail.isp.example]:587 relayuser:pass:with:colons\nmail.isp.example hostuser:hostpass\n");
        String spec = "texthash:" + map;
        assertEquals(new PasswordLookup.Credentials("hostuser", "hostpass"), PasswordLookup.find(spec, home,
                List.of("mail.isp.example", "[mail.isp.example]:587")).get());
        assertEquals(new PasswordLookup.Credentials("relayuser", "pass:with:colons"), PasswordLookup.find(spec, home,
                List.of("other.example", "[mail.isp.example]:587")).get());
        assertTrue(PasswordLookup.find(spec, home, List.of("nobody.example")).isEmpty());
        assertTrue(PasswordLookup.find("", home, List.of("mail.isp.example")).isEmpty());
    }

    @Test
    void laterTablesAreAskedForTheSameKeyBeforeTheNextKey() throws Exception {
        String spec = "inline:{ example.org=domainuser:x }, inline:{ mx1.example.org=hostuser:y }";
        assertEquals("hostuser", PasswordLookup.find(spec, home, List.of("mx1.example.org", "example.org")).get().username());
    }

    @Test
    void anUnreadableTableIsATemporaryError() {
        assertThrows(TableException.class, () -> PasswordLookup.find("fail:broken", home, List.of("x")));
        assertThrows(TableException.class, () -> PasswordLookup.find("nosuchtype:x", home, List.of("x")));
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertEquals("Credentials[u]", PasswordLookup.parse("u:secret").toString());
        assertEquals(new PasswordLookup.Credentials("u", ""), PasswordLookup.parse("u"));
    }
}
