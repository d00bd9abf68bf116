package io.tegami.shell.lifecycle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The OSGi framework Tegami runs in; stopping it ends the JVM (Felix's launcher exits then). */
final class FrameworkMailSystem implements MailSystem {

    private static final Logger LOG = LoggerFactory.getLogger(PostfixScript.TAG);

    /**
     * The command's answer (and its exit status) goes back over the admin socket after the
     * command returns; the stop waits this long so that the answer is not cut off by the shell
     * bundle stopping with everything else.
     */
    static final Duration ANSWER_GRACE = Duration.ofMillis(750);

    private final BundleContext context;

    FrameworkMailSystem(BundleContext context) {
        this.context = context;
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public void stop(Duration bound) {
        stop(bound, () -> { });
    }

    @Override
    public void stop(Duration bound, Runnable first) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        long answered = System.nanoTime() + ANSWER_GRACE.toNanos();
        Thread stopper = new Thread(() -> {
            try {
                try {
                    first.run();
                } catch (RuntimeException e) { // the stop goes on: a failed drain only makes it less graceful
                    LOG.warn("warning: draining before the stop failed: {}", e.toString());
                }
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(answered - System.nanoTime())));
                system.stop();
                if (bound != null && system instanceof Framework framework) {
                    FrameworkEvent event = framework.waitForStop(bound.toMillis());
                    if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                        // postfix-script's last resort, "kill -9" of the master's process group.
                        LOG.warn("stopping the Postfix mail system with force");
                        Runtime.getRuntime().halt(1);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BundleException | RuntimeException e) {
                LOG.error("cannot stop the framework: {}", e.toString());
            }
        }, "postfix-stop");
        // Not a daemon: the JVM must not exit before the framework has stopped cleanly.
        stopper.start();
    }
}
