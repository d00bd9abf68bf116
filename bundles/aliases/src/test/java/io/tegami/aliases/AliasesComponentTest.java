package io.tegami.aliases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tegami.api.address.Destination;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.config.testing.MapMailParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasesComponentTest {

    @TempDir
    Path home;

    @Test
    void newaliasesReportsLineNumbersAndMakesEditsLive() throws Exception {
        Files.createDirectories(home.resolve("configs"));
        Path file = home.resolve("configs/aliases");
        Files.writeString(file, "admin: alice\n");
        MapMailParameters parameters = new MapMailParameters(home, Map.of("myhostname", "mail.example.test"));
        AliasesComponent aliases = new AliasesComponent(parameters);
        MailAddress admin = MailAddress.parse("Admin@mail.example.test");
        assertEquals(List.of(new Destination.Address(MailAddress.parse("alice@mail.example.test"))),
                aliases.resolve(admin).orElseThrow());

        Files.writeString(file, "admin: bob\nbroken line\n");
        // Not live before newaliases, as with Postfix's indexed alias database.
        assertEquals(List.of(new Destination.Address(MailAddress.parse("alice@mail.example.test"))),
                aliases.resolve(admin).orElseThrow());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true));
        try {
            aliases.newaliases();
        } finally {
            System.setErr(saved);
        }
        assertEquals("postalias: warning: configs/aliases, line 2: need name:value pair\n", err.toString());
        assertEquals(List.of(new Destination.Address(MailAddress.parse("bob@mail.example.test"))),
                aliases.resolve(admin).orElseThrow());
        assertTrue(aliases.resolve(MailAddress.parse("nobody@mail.example.test")).isEmpty());
    }

    @Test
    void otherTableTypesAreLookedUpLive() {
        MapMailParameters parameters = new MapMailParameters(home, Map.of("myhostname", "h.test",
                "alias_maps", "inline:{ sales=|/bin/cat }, hash:configs/none"));
        AliasesComponent aliases = new AliasesComponent(parameters);
        assertEquals(List.of(new Destination.Command("/bin/cat")), aliases.resolve(MailAddress.parse("SALES@h.test")).orElseThrow());
        assertEquals(1, aliases.problems().size()); // the missing file
    }
}
