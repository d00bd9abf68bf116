package io.tegami.shell.fakes;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;

/**
 * The real Gogo runtime outside OSGi, as the framework runs it: ThreadIO routes System.out and
 * System.err of a command to its session. Close it to give the JVM its streams back.
 */
public final class GogoFixture implements AutoCloseable {

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private final CommandProcessorImpl processor;

    public GogoFixture() {
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
    }

    public CommandProcessorImpl processor() {
        return processor;
    }

    /** Registers a command object's functions under a scope, as the Gogo whiteboard does. */
    public GogoFixture register(String scope, Object target, String... functions) {
        for (String function : functions) {
            processor.addCommand(scope, target, function);
        }
        return this;
    }

    /** Runs a line in a fresh session and returns what it printed (stdout and stderr). */
    public Result run(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err)) {
            Object value = session.execute(line);
            return new Result(value, text(out), text(err), null);
        } catch (Exception e) {
            return new Result(null, text(out), text(err), e);
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(Charset.defaultCharset());
    }

    @Override
    public void close() {
        processor.stop();
        threadIO.stop();
    }

    /** What a command line did. */
    public record Result(Object value, String out, String err, Exception failure) {
    }
}
