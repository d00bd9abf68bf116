package io.tegami.aliases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tegami.api.address.Destination;
import io.tegami.api.mail.MailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasFileTest {

    @TempDir
    Path home;

    private AliasFile parse(String text) throws IOException {
        return AliasFile.parse("configs/aliases", new BufferedReader(new StringReader(text)), "example.test", home);
    }

    private List<Destination> lookup(String text, String name) throws IOException {
        return AliasTables.ofText(text, "example.test", home).lookup(name).orElseThrow();
    }

    private static Destination.Address addr(String a) {
        return new Destination.Address(MailAddress.parse(a));
    }

    @Test
    void everyElementSyntax() throws IOException {
        String text = "# comment\n"
                + "admin: alice, bob@remote.example ,\\carol\n"
                + "pipe: \"|/usr/bin/vacation -a admin, x\"\n"
                + "pipe2: |/bin/cat\n"
                + "file: /var/mail/archive\n"
                + "\"Quoted Name\": alice\n";
        assertEquals(List.of(addr("alice@example.test"), addr("bob@remote.example"), new Destination.Mailbox("carol")),
                lookup(text, "admin"));
        assertEquals(List.of(new Destination.Command("/usr/bin/vacation -a admin, x")), lookup(text, "pipe"));
        assertEquals(List.of(new Destination.Command("/bin/cat")), lookup(text, "pipe2"));
        assertEquals(List.of(new Destination.File(Path.of("/var/mail/archive"))), lookup(text, "file"));
        assertEquals(List.of(addr("alice@example.test")), lookup(text, "quoted name"));
        assertTrue(parse(text).problems().isEmpty());
    }

    @Test
    void keysAreCaseInsensitiveAndContinuationLinesJoin() throws IOException {
        String text = "Staff: alice,\n"
                + "# a comment inside does not end the entry\n"
                + "\tbob,\n"
                + "   carol\n"
                + "other: dave\n";
        assertEquals(List.of(addr("alice@example.test"), addr("bob@example.test"), addr("carol@example.test")),
                lookup(text, "STAFF"));
        assertEquals(List.of(addr("dave@example.test")), lookup(text, "other"));
    }

    @Test
    void includeFilesAreReadWhenUsed() throws IOException {
        Files.writeString(home.resolve("list"), "# members\nalice\nbob@remote.example, carol\n\n\"|/bin/true\"\n");
        List<Destination> got = lookup("list: :include:list\n", "list");
        assertEquals(1, got.size());
        Destination.Include include = (Destination.Include) got.get(0);
        assertEquals(home.resolve("list"), include.path());
        assertEquals(List.of(addr("alice@example.test"), addr("bob@remote.example"), addr("carol@example.test"),
                new Destination.Command("/bin/true")), include.members());
    }

    @Test
    void aMissingIncludeIsATemporaryFailure() throws IOException {
        AliasTables tables = AliasTables.ofText("list: :include:/nonexistent/list\n", "example.test", home);
        assertThrows(UncheckedIOException.class, () -> tables.lookup("list"));
    }

    @Test
    void brokenEntriesAreReportedWithTheirLineNumbers() throws IOException {
        String text = "good: alice\n"
                + "  , carol\n"              // line 2 continues line 1
                + "noColonHere alice\n"       // line 3
                + "empty:\n"                  // line 4
                + "quote: \"alice\n"          // line 5
                + "good: bob\n"               // line 6: duplicate
                + "bad: a b c\n"              // line 7
                + "pipe: |\n";                // line 8
        AliasFile file = parse(text);
        List<String> got = file.problems().stream().map(AliasProblem::toString).toList();
        assertEquals(List.of(
                "configs/aliases, line 3: need name:value pair",
                "configs/aliases, line 4: missing value for alias \"empty\"",
                "configs/aliases, line 5: unmatched quote in \"\"alice\"",
                "configs/aliases, line 6: duplicate entry: \"good\"",
                "configs/aliases, line 7: bad address syntax: \"a b c\"",
                "configs/aliases, line 8: empty command in \"|\""), got);
        // the first of duplicates counts, with its continuation
        assertEquals(List.of(addr("alice@example.test"), addr("carol@example.test")),
                AliasTables.ofText(text, "example.test", home).lookup("good").orElseThrow());
    }

    @Test
    void aLineStartingWithSpaceAtTheTopIsAnError() throws IOException {
        AliasFile file = parse("\n  alice\nok: bob\n");
        assertEquals("configs/aliases, line 2: logical line must not start with whitespace", file.problems().get(0).toString());
        assertEquals(1, file.entries().size());
    }

    @Test
    void shippedFileParsesCleanly() throws IOException {
        Path shipped = Path.of("../../configs/aliases");
        AliasFile file = AliasFile.read("configs/aliases", shipped, "example.test", home);
        assertTrue(file.problems().isEmpty(), file.problems().toString());
        AliasTables tables = AliasTables.load("hash:" + shipped.toAbsolutePath(), "example.test", home);
        assertEquals(List.of(addr("root@example.test")), tables.lookup("postmaster").orElseThrow());
        assertEquals(List.of(addr("postmaster@example.test")), tables.lookup("mailer-daemon").orElseThrow());
        assertTrue(tables.lookup("root").isEmpty());
    }
}
