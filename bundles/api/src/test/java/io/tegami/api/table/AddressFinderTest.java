package io.tegami.api.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AddressFinderTest {

    private static final Path HOME = Path.of(".");
    private final AddressFinder finder = new AddressFinder("+", "double-bounce", true, d -> d.equals("local.test"));

    private static List<LookupTable> table(String entries) throws TableException {
        return List.of(LookupTables.open("inline:{" + entries + "}", HOME));
    }

    private Optional<String> value(String entries, String address) throws TableException {
        return finder.find(table(entries), address).map(AddressFinder.Match::value);
    }

    @Test
    void fullAddressBeatsEveryOtherKey() throws TableException {
        String all = "a+x@local.test=full, a@local.test=stripped, a+x=user-ext, a=user, @local.test=domain";
        assertEquals("full", value(all, "a+x@local.test").get());
        assertEquals("stripped", value(all.replace("a+x@local.test=full, ", ""), "a+x@local.test").get());
        assertEquals("user-ext", value("a+x=user-ext, a=user, @local.test=domain", "a+x@local.test").get());
        assertEquals("user", value("a=user, @local.test=domain", "a+x@local.test").get());
        assertEquals("domain", value("@local.test=domain", "a+x@local.test").get());
    }

    @Test
    void userKeysOnlyForLocalDomains() throws TableException {
        assertEquals(Optional.empty(), value("a=user", "a@remote.test"));
        assertEquals("domain", value("a=user, @remote.test=domain", "a@remote.test").get());
    }

    @Test
    void strippedMatchReportsTheExtension() throws TableException {
        AddressFinder.Match m = finder.find(table("a@remote.test=b@x.test"), "a+tag@remote.test").get();
        assertEquals("+tag", m.extension());
        assertNull(finder.find(table("a+tag@remote.test=b@x.test"), "a+tag@remote.test").get().extension());
        assertNull(finder.find(table("@remote.test=b@x.test"), "a+tag@remote.test").get().extension());
    }

    @Test
    void specialNamesAreNeverSplit() throws TableException {
        AddressFinder dash = new AddressFinder("-", "double-bounce", true, d -> false);
        assertEquals(Optional.empty(), dash.find(table("owner@r.test=x"), "owner-list@r.test"));
        assertEquals(Optional.empty(), dash.find(table("double@r.test=x"), "double-bounce@r.test"));
        assertTrue(dash.find(table("joe@r.test=x"), "joe-list@r.test").isPresent());
    }

    @Test
    void patternTablesSeeOnlyTheWholeAddress() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("finder");
        java.nio.file.Files.writeString(dir.resolve("re"), "/^a@/ whole\n/^@/ partial\n");
        List<LookupTable> re = List.of(LookupTables.open("regexp:re", dir));
        assertEquals("whole", finder.find(re, "a@remote.test").get().value());
        assertEquals(Optional.empty(), finder.find(re, "b@remote.test"));
    }

    @Test
    void failuresPropagate() throws TableException {
        List<LookupTable> failing = List.of(LookupTables.open("fail:down", HOME));
        assertThrows(TableException.class, () -> finder.find(failing, "a@remote.test"));
    }
}
