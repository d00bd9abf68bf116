package io.tegami.users.passwdfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PasswdLineParserTest {

    @Test
    void fullLineWithExtraFieldsContainingColons() {
        PasswdEntry e = PasswdLineParser.parse(
                "alice:{PLAIN}pw:1000:1001:Alice A:/home/alice:/bin/sh:userdb_mail=maildir:~/Mail quota_rule=*:storage=1G nopassword")
                .orElseThrow();
        assertEquals("alice", e.name());
        assertEquals("{PLAIN}pw", e.password());
        assertEquals(1000, e.uid());
        assertEquals(1001, e.gid());
        assertEquals("/home/alice", e.home());
        assertEquals(Map.of("userdb_mail", "maildir:~/Mail", "quota_rule", "*:storage=1G", "nopassword", ""),
                e.fields());
    }

    @Test
    void commentsAndBlankLinesAreNotUsers() {
        assertTrue(PasswdLineParser.parse("# alice:{PLAIN}x").isEmpty());
        assertTrue(PasswdLineParser.parse("").isEmpty());
        assertTrue(PasswdLineParser.parse("\r").isEmpty());
        assertTrue(PasswdLineParser.parse(":{PLAIN}x").isEmpty());
        assertFalse(PasswdLineParser.isUserLine("#x"));
    }

    @Test
    void shortLinesHaveEmptyTrailingFields() {
        PasswdEntry onlyName = PasswdLineParser.parse("bob").orElseThrow();
        assertEquals("bob", onlyName.name());
        assertEquals("", onlyName.password());
        assertEquals(-1, onlyName.uid());
        assertEquals("", onlyName.home());

        PasswdEntry twoFields = PasswdLineParser.parse("carol:{SHA}abc").orElseThrow();
        assertEquals("{SHA}abc", twoFields.password());
        assertEquals(-1, twoFields.gid());
        assertTrue(twoFields.fields().isEmpty());
    }

    @Test
    void emptyIdsAndTrailingCrAreAccepted() {
        PasswdEntry e = PasswdLineParser.parse("dave:{PLAIN}x::::/srv/dave::\r").orElseThrow();
        assertEquals(-1, e.uid());
        assertEquals(-1, e.gid());
        assertEquals("/srv/dave", e.home());
        assertTrue(e.fields().isEmpty());
    }

    @Test
    void oldFormatMailFieldAfterEmptyExtraField() {
        PasswdEntry e = PasswdLineParser.parse("eve:x:1:1::/home/eve:::maildir:/var/mail/eve").orElseThrow();
        assertEquals(Map.of("userdb_mail", "maildir:/var/mail/eve"), e.fields());
    }

    @Test
    void nonNumericUidIsIgnored() {
        assertEquals(-1, PasswdLineParser.parse("frank:x:vmail:vmail").orElseThrow().uid());
    }

    @Test
    void utf8FieldsSurviveTheRawRoundTrip() {
        String raw = PasswdLineParser.raw("gina:{PLAIN}p\u00e4ss:::: /home/g\u00e9");
        assertEquals("{PLAIN}p\u00e4ss", PasswdLineParser.parse(raw).orElseThrow().password());
    }

    @Test
    void replacePasswordKeepsTheOtherFields() {
        assertEquals("a:NEW:1:2::/h::userdb_mail=maildir:~/M\r",
                PasswdFileDirectory.replacePassword("a:old:1:2::/h::userdb_mail=maildir:~/M\r", "NEW"));
        assertEquals("a:NEW", PasswdFileDirectory.replacePassword("a", "NEW"));
        assertEquals("a:NEW", PasswdFileDirectory.replacePassword("a:old", "NEW"));
    }
}
