package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tegami.shell.CommandFailedException;
import io.tegami.shell.fakes.GogoFixture;

/** The postfix dispatcher through the real Gogo runtime: help, usage, and postfix-script's words. */
class PostfixCommandTest {

    @Test
    void usageListsTheCommandsInPostfixScriptsOrder() {
        assertEquals("start (or stop, reload, abort, flush, check, status, zap)",
                PostfixCommand.usage(Set.of("zap", "status", "check", "flush", "abort", "reload", "stop", "start")));
        assertEquals("flush", PostfixCommand.usage(Set.of("flush")));
    }

    @Test
    void helpAndUnknownCommandsThroughGogo() {
        PostfixCommand postfix = new PostfixCommand();
        postfix.bindAction((args, out, err) -> err.println("postfix/postfix-script: ran " + args),
                Map.of(PostfixAction.COMMAND, "status"));
        try (GogoFixture gogo = new GogoFixture().register("tegami", postfix, "postfix")) {
            GogoFixture.Result help = gogo.run("postfix --help");
            assertTrue(help.out().startsWith("usage: postfix [-Dv] command\n"), help.out());
            assertEquals(help.out(), gogo.run("postfix -h").out());
            GogoFixture.Result status = gogo.run("postfix -v status");
            assertEquals("postfix/postfix-script: ran []\n", status.err());
            GogoFixture.Result unknown = gogo.run("postfix bogus");
            assertTrue(unknown.failure() instanceof CommandFailedException, String.valueOf(unknown.failure()));
            assertEquals("postfix/postfix-script: fatal: unknown command: 'bogus'. Usage: postfix status",
                    unknown.failure().getMessage());
        }
        assertThrows(CommandFailedException.class, () -> postfix.postfix("-c", "/etc/postfix", "status"));
    }
}
