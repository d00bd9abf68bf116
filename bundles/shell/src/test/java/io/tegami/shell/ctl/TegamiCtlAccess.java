package io.tegami.shell.ctl;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages run the client without exiting the JVM. */
public final class TegamiCtlAccess {

    private TegamiCtlAccess() {
    }

    /** What the client printed and returned. */
    public record Result(int status, String out, String err) {
    }

    public static Result run(Map<String, String> env, Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TegamiCtl.run(args, env, cwd, out, err);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static int run(String[] args, Path cwd, OutputStream out, OutputStream err) {
        return TegamiCtl.run(args, Map.of(), cwd, out, err);
    }

    public static int run(String[] args, Path cwd, InputStream in, OutputStream out, OutputStream err) {
        return TegamiCtl.run(args, Map.of(), cwd, in, out, err);
    }
}
