package io.tegami.shell.postconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.shell.CommandFailedException;
import io.tegami.shell.postconf.PostconfRequest.Mode;
import io.tegami.shell.postconf.PostconfRequest.Source;

class PostconfRequestTest {

    @Test
    void noArgumentsShowsEverythingCurrent() {
        PostconfRequest r = PostconfRequest.parse();
        assertEquals(Mode.SHOW, r.mode());
        assertEquals(Source.CURRENT, r.source());
        assertTrue(r.names().isEmpty());
    }

    @Test
    void sourceOptions() {
        assertEquals(Source.EXPLICIT, PostconfRequest.parse("-n").source());
        assertEquals(Source.DEFAULTS, PostconfRequest.parse("-d", "myhostname").source());
        assertEquals(List.of("myhostname"), PostconfRequest.parse("-d", "myhostname").names());
        PostconfRequest combined = PostconfRequest.parse("-nx", "mydestination");
        assertEquals(Source.EXPLICIT, combined.source());
        assertTrue(combined.expand());
        assertFalse(PostconfRequest.parse("-e", "a=b").expand());
        PostconfRequest values = PostconfRequest.parse("-hx", "myhostname");
        assertTrue(values.hideName());
        assertTrue(values.expand());
        assertTrue(PostconfRequest.parse("-H").hideValue());
        assertTrue(PostconfRequest.parse("-dx").expand());
    }

    @Test
    void assignmentsSplitAtTheFirstEqualsAndTrim() {
        PostconfRequest r = PostconfRequest.parse("-e", "mydestination = $myhostname, localhost.$mydomain",
                "smtpd_banner=$myhostname ESMTP x=y", "recipient_delimiter=");
        assertEquals(Mode.EDIT, r.mode());
        assertEquals(Map.of("mydestination", "$myhostname, localhost.$mydomain",
                "smtpd_banner", "$myhostname ESMTP x=y",
                "recipient_delimiter", ""), r.assignments());
    }

    @Test
    void theLastAssignmentOfANameWins() {
        assertEquals(Map.of("a", "2"), PostconfRequest.parse("a=1", "a=2").assignments());
    }

    @Test
    void removal() {
        PostconfRequest r = PostconfRequest.parse("-X", "relayhost", "mynetworks");
        assertEquals(Mode.REMOVE, r.mode());
        assertEquals(List.of("relayhost", "mynetworks"), r.names());
    }

    @Test
    void listeners() {
        PostconfRequest r = PostconfRequest.parse("-Mf", "smtp/inet", "submission");
        assertEquals(Mode.MASTER, r.mode());
        assertTrue(r.fold());
        assertEquals(List.of("smtp/inet", "submission"), r.names());
    }

    @Test
    void help() {
        assertEquals(Mode.HELP, PostconfRequest.parse("--help").mode());
    }

    @Test
    void usageErrorsArePostfixStyle() {
        assertFatal("postconf: invalid option -- 'q'\npostconf: fatal: usage: postconf", "-q");
        assertFatal("postconf: fatal: specify one of -d -n", "-dn");
        assertFatal("postconf: fatal: specify one of -e -n", "-e", "-n", "a=b");
        assertFatal("postconf: fatal: specify one of -n -X", "-X", "-n", "a");
        assertFatal("postconf: fatal: specify one of -e -X", "-Xe", "a");
        assertFatal("postconf: fatal: specify one of -h -H", "-hH");
        assertFatal("postconf: fatal: with option -M, do not specify -n", "-Mn");
        assertFatal("postconf: fatal: with option -M, do not specify -h", "-M", "-h");
        assertFatal("postconf: fatal: -e requires name=value argument", "-e");
        assertFatal("postconf: fatal: missing '=' after attribute name: \"myhostname\"", "a=b", "myhostname");
        assertFatal("postconf: fatal: invalid parameter name: \"service.pid\"", "service.pid=x");
        assertFatal("postconf: fatal: invalid parameter name: \"\"", "=x");
        assertFatal("postconf: fatal: specify one of -d -e", "-d", "a=b");
        assertFatal("postconf: fatal: the value of a contains a line break", "a=x\ny");
        assertFatal("postconf: fatal: -X requires parameter names", "-X");
        assertFatal("postconf: fatal: null argument", "myhostname", null);
    }

    private static void assertFatal(String expectedStart, String... args) {
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> PostconfRequest.parse(args));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
