package io.tegami.shell.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.shell.CommandFailedException;

class LifecycleActionTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private Duration stoppedWithin;
    private final MailSystem system = new MailSystem() {
        @Override
        public long pid() {
            return 4242;
        }

        @Override
        public void stop(Duration bound) {
            stoppedWithin = bound;
        }

        @Override
        public void stop(Duration bound, Runnable first) {
            first.run(); // on the stopping thread in the real system: after the answer
            stoppedWithin = bound;
        }
    };

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusSaysRunningWithThePid() {
        new StatusAction(system).run(List.of(), System.out, errStream);
        assertEquals("postfix/postfix-script: the Postfix mail system is running: PID: 4242\n", err());
        assertNull(stoppedWithin);
    }

    @Test
    void startWhileRunningIsFatal() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> new StartAction(system).run(List.of(), System.out, errStream));
        assertEquals("postfix/postfix-script: fatal: the Postfix mail system is already running", e.getMessage());
        assertEquals(1, e.exitCode());
        assertNull(stoppedWithin);
    }

    @Test
    void stopIsBoundedAbortQuicker() {
        new StopAction(system, null, List.of()).run(List.of(), System.out, errStream);
        assertEquals("postfix/postfix-script: stopping the Postfix mail system\n", err());
        assertEquals(LifecycleAction.STOP_BOUND, stoppedWithin);
        err.reset();
        new AbortAction(system).run(List.of(), System.out, errStream);
        assertEquals("postfix/postfix-script: aborting the Postfix mail system\n", err());
        assertEquals(LifecycleAction.ABORT_BOUND, stoppedWithin);
    }

    @Test
    void extraArgumentsAreUsageErrors() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> new StopAction(system, null, List.of()).run(List.of("now"), System.out, errStream));
        assertEquals("postfix: fatal: usage: postfix stop", e.getMessage());
        assertNull(stoppedWithin);
    }
}
