package io.tegami.api.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupTablesTest {

    @TempDir
    Path home;

    private Path write(String name, String... lines) throws IOException {
        Path file = home.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void hashTableReadsSourceFileWithoutCaseAndWithContinuations() throws Exception {
        write("access", "# comment", "Example.COM   REJECT go away", "", "user@   OK",
                "multi   first", "  second line");
        LookupTable table = LookupTables.open("hash:access", home);
        assertEquals(Optional.of("REJECT go away"), table.lookup("example.com"));
        assertEquals(Optional.of("OK"), table.lookup("USER@"));
        assertEquals(Optional.of("first second line"), table.lookup("multi"));
        assertEquals(Optional.empty(), table.lookup("other.example"));
        assertFalse(table.isPattern());
        assertEquals("hash:access", table.spec());
    }

    @Test
    void editedFileIsReadAgainAtNextLookup() throws Exception {
        Path file = write("map", "a 1");
        LookupTable table = LookupTables.open("texthash:" + file, home);
        assertEquals(Optional.of("1"), table.lookup("a"));
        Files.write(file, List.of("a 22", "b 3"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(Optional.of("22"), table.lookup("a"));
        assertEquals(Optional.of("3"), table.lookup("b"));
    }

    @Test
    void missingFileIsALookupFailureNotAnOpenFailure() throws Exception {
        LookupTable table = LookupTables.open("hash:/nonexistent/table", home);
        TableException e = assertThrows(TableException.class, () -> table.lookup("x"));
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }

    @Test
    void checkReportsSyntaxErrorsWithLineNumbers() throws Exception {
        write("bad", "good value", "lonely", "good other");
        List<TableException> problems = LookupTables.check("hash:bad", home);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(1).getMessage().contains("duplicate entry"));
        assertEquals(3, problems.get(1).line());
    }

    @Test
    void regexpTableMatchesInOrderWithoutCaseAndSubstitutesGroups() throws Exception {
        write("re", "/^(.*)@example\\.com$/   $1@example.net",
                "!/@/   unqualified",
                "/^ADMIN@/i   case-sensitive-match",
                "/cost\\$/   $$5 ${1}");
        LookupTable table = LookupTables.open("regexp:re", home);
        assertTrue(table.isPattern());
        assertEquals(Optional.of("Alice@example.net"), table.lookup("Alice@EXAMPLE.com"));
        assertEquals(Optional.of("unqualified"), table.lookup("bob"));
        assertEquals(Optional.empty(), table.lookup("admin@host"));
        assertEquals(Optional.of("case-sensitive-match"), table.lookup("ADMIN@host"));
        assertEquals(Optional.of("$5 "), table.lookup("a@cost$"));
    }

    @Test
    void ifEndifBlocksNest() throws Exception {
        write("blocks", "if /@example\\.com$/", "/^postmaster@/  REJECT no", "endif", "/^postmaster@/  OK");
        LookupTable table = LookupTables.open("pcre:blocks", home);
        assertEquals(Optional.of("REJECT no"), table.lookup("postmaster@example.com"));
        assertEquals(Optional.of("OK"), table.lookup("postmaster@other.org"));
    }

    @Test
    void brokenPatternIsReportedWithItsLineAndSkipped() throws Exception {
        write("broken", "/(unclosed/ X", "/fine/ Y", "/nodelim Z", "endif");
        LookupTable table = LookupTables.open("regexp:broken", home);
        assertEquals(Optional.of("Y"), table.lookup("fine"));
        List<TableException> problems = LookupTables.check("regexp:broken", home);
        assertEquals(List.of(1, 3, 4), problems.stream().map(TableException::line).toList());
    }

    @Test
    void inlineAndStaticTables() throws Exception {
        LookupTable inline = LookupTables.open("inline:{ a=1, B=2 , { c = three words } }", home);
        assertEquals(Optional.of("1"), inline.lookup("A"));
        assertEquals(Optional.of("2"), inline.lookup("b"));
        assertEquals(Optional.of("three words"), inline.lookup("c"));
        assertEquals(Optional.of("relay"), LookupTables.open("static:relay", home).lookup("anything"));
        assertEquals(Optional.of("two words"), LookupTables.open("static:{ two words }", home).lookup("x"));
        assertThrows(TableException.class, () -> LookupTables.open("fail:x", home).lookup("k"));
    }

    @Test
    void unknownTypesAndMissingTypesAreRefusedAtOpen() {
        assertThrows(TableException.class, () -> LookupTables.open("ldap:/etc/ldap.cf", home));
        assertThrows(TableException.class, () -> LookupTables.open("/etc/postfix/access", home));
        assertThrows(TableException.class, () -> LookupTables.open("inline:a=1", home));
    }

    @Test
    void listsKeepBracedGroupsWhole() throws Exception {
        assertEquals(List.of("hash:/a", "inline:{ a=1, b=2 }", "regexp:/c"),
                LookupTables.split("hash:/a, inline:{ a=1, b=2 }  regexp:/c"));
        assertEquals(2, LookupTables.openAll("static:x, inline:{k=v}", home).size());
    }
}
