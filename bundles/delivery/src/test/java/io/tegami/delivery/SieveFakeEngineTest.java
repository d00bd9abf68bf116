package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's side of the engine contract, with an engine whose results the test decides. */
class SieveFakeEngineTest {

    /** Returns a fixed result; records compiles, envelopes and what the message showed. */
    static final class Engine implements SieveEngine {
        SieveResult result = new SieveResult(List.of(), true, List.of(), List.of(), null, 0);
        final List<String> compiled = new ArrayList<>();
        final List<SieveEnvelope> envelopes = new ArrayList<>();
        final List<String> subjects = new ArrayList<>();
        SieveLimits limits;

        @Override
        public Set<String> extensions() {
            return Set.of();
        }

        @Override
        public SieveScript compile(String name, String text) {
            compiled.add(text);
            return new SieveScript() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Set<String> requiredExtensions() {
                    return Set.of();
                }
            };
        }

        @Override
        public SieveResult execute(SieveScript script, SieveMessage message, SieveEnvelope envelope,
                SieveLimits limits, SieveEnvironment environment) {
            envelopes.add(envelope);
            this.limits = limits;
            try {
                subjects.addAll(message.header("subject"));
                assertEquals("body\n", new String(message.body().readAllBytes()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return result;
        }
    }

    @TempDir
    Path root;

    @Test
    void compiledOnceUntilTheFileChanges() throws Exception {
        Engine engine = new Engine();
        SieveHarness h = new SieveHarness(root, engine);
        h.parameters.set("sieve_max_redirects", "2");
        h.script("bob", "keep;");
        h.deliver("alice@far.test", "bob@here.test", SieveDeliveryTest.MAIL);
        h.deliver("alice@far.test", "bob@here.test", SieveDeliveryTest.MAIL);
        assertEquals(List.of("keep;"), engine.compiled);
        assertEquals(List.of("hello", "hello"), engine.subjects);
        assertEquals(new SieveEnvelope("alice@far.test", "bob@here.test", "bob@here.test", "bob"),
                engine.envelopes.get(0));
        assertEquals(2, engine.limits.maxRedirects());
        Path file = root.resolve("bob/sieve/main.sieve");
        Files.writeString(file, "keep; ");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        h.deliver("alice@far.test", "bob@here.test", SieveDeliveryTest.MAIL);
        assertEquals(List.of("keep;", "keep; "), engine.compiled);
        assertEquals(3, h.folder("bob", "").size());
    }

    @Test
    void aFailedRunKeepsTheMessage() throws Exception {
        Engine engine = new Engine();
        engine.result = SieveResult.failed("too many actions", 3);
        SieveHarness h = new SieveHarness(root, engine);
        h.script("bob", "discard;");
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test",
                SieveDeliveryTest.MAIL).status());
        assertEquals(1, h.folder("bob", "").size());
    }

    @Test
    void keepFlagsAndUnknownActions() throws Exception {
        Engine engine = new Engine();
        SieveAction unknown = new SieveAction() {
            @Override
            public boolean cancelsImplicitKeep() {
                return false;
            }

            @Override
            public List<String> describe() {
                return List.of("notify");
            }
        };
        engine.result = new SieveResult(List.of(unknown), true, List.of("\\seen"), List.of(), null, 0);
        SieveHarness h = new SieveHarness(root, engine);
        h.script("bob", "x");
        h.deliver("alice@far.test", "bob@here.test", SieveDeliveryTest.MAIL);
        List<String> inbox = h.folder("bob", "");
        assertEquals(1, inbox.size());
        assertTrue(inbox.get(0).split("\n")[0].endsWith(",S"), inbox.get(0));
    }

    @Test
    void withoutTheEngineScriptsAreIgnored() throws Exception {
        SieveHarness h = new SieveHarness(root, null);
        h.script("bob", "discard;");
        h.deliver("alice@far.test", "bob@here.test", SieveDeliveryTest.MAIL);
        assertEquals(1, h.folder("bob", "").size());
    }

    @Test
    void aRedirectWithoutTheQueueDefersAndAFailedOneKeeps() throws Exception {
        Engine engine = new Engine();
        engine.result = new SieveResult(List.of(new SieveAction.Redirect("carol@here.test", false)), false,
                List.of(), List.of(), null, 0);
        SieveHarness h = new SieveHarness(root, engine);
        h.script("bob", "x");
        h.agent.unbindQueue(h.queue);
        assertEquals(DeliveryResult.Status.DEFERRED, h.deliver("alice@far.test", "bob@here.test",
                SieveDeliveryTest.MAIL).status());
        assertEquals(0, h.folder("bob", "").size());
        h.agent.bindQueue(new io.tegami.api.queue.MailQueue() {
            @Override
            public io.tegami.api.queue.MessageWriter create(io.tegami.api.mail.Envelope envelope)
                    throws io.tegami.api.queue.QueueException {
                throw new io.tegami.api.queue.QueueException("spool full");
            }

            @Override
            public List<io.tegami.api.queue.QueueEntry> list() {
                return List.of();
            }

            @Override
            public java.util.Optional<io.tegami.api.queue.QueueEntry> find(String queueId) {
                return java.util.Optional.empty();
            }

            @Override
            public void flush() {
            }

            @Override
            public boolean delete(String queueId) {
                return false;
            }
        });
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test",
                SieveDeliveryTest.MAIL).status());
        assertEquals(1, h.folder("bob", "").size());
    }
}
