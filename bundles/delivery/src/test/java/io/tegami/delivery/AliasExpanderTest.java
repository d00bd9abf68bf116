package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.address.Destination;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import org.junit.jupiter.api.Test;

class AliasExpanderTest {

    final Fakes.Parameters parameters = new Fakes.Parameters();
    final Map<String, List<Destination>> aliases = new HashMap<>();
    static final MailAddress SENDER = MailAddress.parse("alice@remote.test");

    AliasExpanderTest() {
        // allow_mail_to_commands and allow_mail_to_files unset: Postfix's "alias, forward"
    }

    private void alias(String name, Destination... to) {
        aliases.put(name, List.of(to));
    }

    private static Destination to(String address) {
        return new Destination.Address(MailAddress.parse(address));
    }

    private Expansion expand(String recipient) {
        AliasExpander e = new AliasExpander(parameters,
                a -> Optional.ofNullable(aliases.get(a.localPart().toLowerCase(Locale.ROOT))),
                d -> d.equals("here.test"));
        return e.expand(MailAddress.parse(recipient), SENDER);
    }

    private static Target t(Target.Kind kind, String value, String recipient, MailAddress sender) {
        return new Target(kind, value, MailAddress.parse(recipient), sender);
    }

    @Test
    void aNameWithoutAliasIsItsMailbox() {
        parameters.values.put("recipient_delimiter", "+");
        assertEquals(List.of(t(Target.Kind.MAILBOX, "bob", "Bob+x@here.test", SENDER)), expand("Bob+x@here.test").targets());
    }

    @Test
    void nestedAliasesForwardsCommandsFilesAndBackslash() {
        alias("staff", to("admins@here.test"), to("carol@far.test"), new Destination.Mailbox("root"));
        alias("admins", to("dave@here.test"), new Destination.Command("/bin/cat"), new Destination.File(Path.of("/tmp/x")));
        alias("root", to("nobody-gets-this@here.test"));
        Expansion e = expand("staff@here.test");
        assertEquals(List.of(
                t(Target.Kind.MAILBOX, "dave", "dave@here.test", SENDER),
                t(Target.Kind.COMMAND, "/bin/cat", "admins@here.test", SENDER),
                t(Target.Kind.FILE, "/tmp/x", "admins@here.test", SENDER),
                t(Target.Kind.FORWARD, "carol@far.test", "carol@far.test", SENDER),
                t(Target.Kind.MAILBOX, "root", "root@here.test", SENDER)), e.targets());
        assertEquals(List.of(), e.failures());
    }

    @Test
    void anAliasNamingItselfMeansItsMailboxButACycleIsALoop() {
        alias("bob", to("bob@here.test"), to("bob@far.test"));
        assertEquals(List.of(t(Target.Kind.MAILBOX, "bob", "bob@here.test", SENDER),
                t(Target.Kind.FORWARD, "bob@far.test", "bob@far.test", SENDER)), expand("bob@here.test").targets());
        alias("a", to("b@here.test"));
        alias("b", to("c@here.test"));
        alias("c", to("a@here.test"));
        Expansion loop = expand("a@here.test");
        assertEquals(List.of(), loop.targets());
        assertEquals(List.of(DeliveryResult.bounced("5.4.6", "local", "mail forwarding loop for a@here.test")), loop.failures());
    }

    @Test
    void ownerAliasBecomesTheListSender() {
        alias("list", to("x@far.test"), to("y@here.test"));
        alias("owner-list", to("boss@here.test"));
        MailAddress owner = MailAddress.parse("owner-list@here.test");
        assertEquals(List.of(t(Target.Kind.FORWARD, "x@far.test", "x@far.test", owner),
                t(Target.Kind.MAILBOX, "y", "y@here.test", owner)), expand("list@here.test").targets());
        parameters.values.put("expand_owner_alias", "yes");
        assertEquals(MailAddress.parse("boss@here.test"), expand("list@here.test").targets().get(0).sender());
        parameters.values.put("owner_request_special", "no");
        assertEquals(SENDER, expand("list@here.test").targets().get(0).sender());
    }

    @Test
    void delimiterFallsBackToTheBaseName() {
        parameters.values.put("recipient_delimiter", "+");
        alias("list", to("x@far.test"));
        assertEquals(List.of(t(Target.Kind.FORWARD, "x@far.test", "x@far.test", SENDER)), expand("list+tag@here.test").targets());
        alias("list+tag", to("z@far.test"));
        assertEquals("z@far.test", expand("list+tag@here.test").targets().get(0).value());
    }

    @Test
    void ownerAndRequestAreNotSplitAtADashDelimiter() {
        parameters.values.put("recipient_delimiter", "-");
        alias("owner", to("wrong@far.test"));
        alias("list", to("wrong@far.test"));
        assertEquals(List.of(t(Target.Kind.MAILBOX, "owner-list", "owner-list@here.test", SENDER)),
                expand("owner-list@here.test").targets());
        assertEquals(Target.Kind.MAILBOX, expand("list-request@here.test").targets().get(0).kind());
        assertEquals(Target.Kind.FORWARD, expand("list-foo@here.test").targets().get(0).kind());
    }

    @Test
    void commandsAndFilesFromIncludesNeedPermission() {
        alias("list", new Destination.Include(Path.of("/lists/l"), List.of(to("m@far.test"),
                new Destination.Command("/bin/evil"), new Destination.File(Path.of("/etc/passwd")))));
        Expansion e = expand("list@here.test");
        assertEquals(List.of(t(Target.Kind.FORWARD, "m@far.test", "m@far.test", SENDER)), e.targets());
        assertEquals(List.of(
                DeliveryResult.bounced("5.7.1", "local", "mail to command is restricted (include): \"/bin/evil\""),
                DeliveryResult.bounced("5.7.1", "local", "mail to file is restricted (include): /etc/passwd")), e.failures());
        parameters.values.put("allow_mail_to_commands", "alias, forward, include");
        parameters.values.put("allow_mail_to_files", "alias,include");
        assertEquals(3, expand("list@here.test").targets().size());
        parameters.values.put("allow_mail_to_commands", "forward");
        alias("pipe", new Destination.Command("/bin/cat"));
        assertEquals(1, expand("pipe@here.test").failures().size());
    }
}
