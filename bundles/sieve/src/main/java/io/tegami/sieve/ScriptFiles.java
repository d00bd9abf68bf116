package io.tegami.sieve;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveError;
import io.tegami.api.sieve.SieveScript;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Compiles a script file for the console tools, printing its problems on standard error in
 * Pigeonhole's words: each error as {@code NAME: line L: error: MESSAGE.}, then
 * {@code NAME: error: parse failed.} or {@code NAME: error: validation failed.}; a missing file
 * as {@code error: script not found.}.
 */
final class ScriptFiles {

    private ScriptFiles() {
    }

    /** Pigeonhole's script name: the file name without its {@code .sieve} extension. */
    static String scriptName(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return name.endsWith(".sieve") && name.length() > ".sieve".length()
                ? name.substring(0, name.length() - ".sieve".length()) : name;
    }

    /**
     * The compiled script, or null after its problems were printed on {@code err}.
     *
     * @param file the script file, already resolved against Tegami's home
     */
    static SieveScript compile(SieveEngine engine, Path file, PrintStream err) {
        String name = scriptName(file);
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new NoSuchFileException(file.toString());
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("error: script not found.");
            return null;
        } catch (IOException e) {
            // Pigeonhole names the failing system call; the JDK gives the reason only.
            err.println(name + ": error: failed to read script: " + e.getMessage() + ".");
            return null;
        }
        try {
            SieveScript script = engine.compile(name, text);
            for (SieveError warning : script.warnings()) {
                err.println(name + ": line " + warning.line() + ": warning: " + warning.message() + ".");
            }
            return script;
        } catch (SieveCompileException e) {
            for (SieveError error : e.errors()) {
                err.println(error.format(name));
            }
            err.println(name + ": error: " + (e.parseFailure() || !parses(text) ? "parse" : "validation") + " failed.");
            return null;
        }
    }

    /**
     * Whether the text gets past the parser, so that the failure was a validation one. The engine
     * service does not say which stage failed; this bundle's own parser does.
     */
    private static boolean parses(String text) {
        try {
            Parser.parse(text);
            return true;
        } catch (SieveCompileException e) {
            return false;
        }
    }
}
