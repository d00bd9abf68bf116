package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of the extension RFCs, and a plugin extension added through the SPI. */
class ExtensionsTest {

    @Test
    void copyRfc3894() throws SieveCompileException {
        assertEquals("redirect message to: <a@example.com>|        + preserve implicit keep;implicit keep",
                Sieve.actions("require \"copy\"; redirect :copy \"a@example.com\";"));
    }

    @Test
    void imap4flagsRfc5232() throws SieveCompileException {
        // Section 6 example (reduced): flags accumulate, keep uses the internal variable.
        assertEquals("store message in folder: INBOX|        + add IMAP flags: \\flagged \\seen;",
                Sieve.actions("require \"imap4flags\"; setflag \"\\\\Flagged\"; addflag \"\\\\Seen \\\\flagged\"; keep;"));
        assertEquals("implicit keep [\\deleted]", Sieve.actions(
                "require \"imap4flags\"; addflag [\"\\\\Deleted\", \"Junk\"]; removeflag \"junk\";"));
        assertEquals("discard;", Sieve.actions(
                "require [\"imap4flags\", \"variables\"]; addflag \"myvar\" \"A B\"; if hasflag :contains \"myvar\" \"b\" { discard; }"));
    }

    @Test
    void relationalRfc5231() throws SieveCompileException {
        assertEquals("discard;", Sieve.actions("require [\"relational\", \"comparator-i;ascii-numeric\"];"
                + " if address :count \"ge\" :comparator \"i;ascii-numeric\" [\"to\", \"cc\"] \"2\" { discard; }"));
        assertEquals("implicit keep", Sieve.actions("require \"relational\";"
                + " if header :value \"lt\" \"subject\" \"A\" { discard; }"));
    }

    @Test
    void subaddressRfc5233() throws SieveCompileException {
        assertEquals("store message in folder: friends;", Sieve.actions(
                "require [\"envelope\", \"subaddress\", \"fileinto\"];"
                        + " if envelope :detail \"to\" \"friends\" { fileinto \"friends\"; }"));
        assertEquals("discard;", Sieve.actions(
                "require \"subaddress\"; if address :user \"to\" \"roadrunner\" { discard; }"));
        assertEquals("implicit keep", Sieve.actions(
                "require \"subaddress\"; if address :detail \"cc\" \"\" { discard; }"));
    }

    @Test
    void encodedCharacterRfc5228() throws SieveCompileException {
        assertEquals("store message in folder: $$$@;", Sieve.actions(
                "require [\"encoded-character\", \"fileinto\"]; fileinto \"$${hex:24 24}${unicode:40}\";"));
        assertEquals("store message in folder: ${hex:xx};", Sieve.actions(
                "require [\"encoded-character\", \"fileinto\"]; fileinto \"${hex:xx}\";"));
    }

    @Test
    void rejectAndEreject() throws SieveCompileException {
        SieveResult r = Sieve.run("require [\"reject\", \"ereject\"]; if true { ereject \"go away\"; }");
        assertEquals(new SieveAction.Reject("go away", true), r.actions().get(0));
    }

    @Test
    void vacationRfc5230() throws SieveCompileException {
        SieveResult r = Sieve.run("require [\"vacation\", \"vacation-seconds\"];"
                + " vacation :seconds 60 :subject \"Out\" :addresses [\"rr@acme.example.com\"] :mime \"Content-Type: text/plain\r\n\r\nAway\";");
        SieveAction.Vacation v = (SieveAction.Vacation) r.actions().get(0);
        assertEquals(86400, v.seconds(), "raised to sieve_vacation_min_period, as Pigeonhole does");
        assertEquals(List.of("rr@acme.example.com"), v.addresses());
        assertTrue(v.mime());
        assertTrue(r.implicitKeep());
        assertEquals("1:38: unknown tagged argument ':seconds' for the vacation command (reported only once at first occurrence)",
                Sieve.error("require \"vacation\"; vacation :days 1 :seconds 5 \"x\";"));
    }

    @Test
    void regexCaptures() throws SieveCompileException {
        assertEquals("store message in folder: a-present;", Sieve.actions(
                "require [\"regex\", \"variables\", \"fileinto\"];"
                        + " if header :regex \"subject\" \"(a) (pres[a-z]+)\" { fileinto \"${1}-${2}\"; }"));
    }

    /** A plugin's extension: registered with the engine, usable once required. */
    @Test
    void pluginExtensionThroughSpi() throws SieveCompileException {
        SieveCommand shout = new SieveCommand() {
            @Override
            public String name() {
                return "shout";
            }

            @Override
            public boolean isTest() {
                return false;
            }

            @Override
            public List<io.tegami.api.sieve.SieveArgumentType> positional() {
                return List.of(io.tegami.api.sieve.SieveArgumentType.STRING);
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws io.tegami.api.sieve.SieveRuntimeException {
                rt.addAction(new SieveAction.Store(call.string(0).toUpperCase(), List.of(), false, false));
            }
        };
        SieveExtension ext = new SieveExtension() {
            @Override
            public String name() {
                return "vnd.test.shout";
            }

            @Override
            public List<SieveCommand> commands() {
                return List.of(shout);
            }
        };
        SieveEngineImpl engine = new SieveEngineImpl(List.of(ext));
        assertTrue(engine.extensions().contains("vnd.test.shout"));
        SieveResult r = engine.execute(engine.compile("t", "require \"vnd.test.shout\"; shout \"box\";"),
                new StringMessage(Sieve.MESSAGE), Sieve.ENVELOPE, io.tegami.api.sieve.SieveLimits.DEFAULT);
        assertEquals("store message in folder: BOX", r.actions().get(0).describe().get(0));
        engine.removeExtension(ext);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(SieveCompileException.class,
                () -> engine.compile("t", "require \"vnd.test.shout\";")).getMessage().contains("unknown Sieve capability"));
    }
}
