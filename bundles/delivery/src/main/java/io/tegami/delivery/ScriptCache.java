package io.tegami.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveScript;

/**
 * Compiled scripts, kept until their file changes (path, modification time and size, as
 * Pigeonhole's binary check does) or the engine is replaced. A script that does not compile is
 * remembered too, so a broken script is not reparsed (and relogged) for every message.
 */
final class ScriptCache {

    /** One compiled file: a script or the compile error. */
    record Compiled(SieveScript script, SieveCompileException error) {
    }

    private record Entry(SieveEngine engine, long mtime, long size, Compiled compiled) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    /** The compiled script of a file, compiling it now if it is new or changed. */
    Compiled get(SieveEngine engine, Path file, long maxSize) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        long mtime = a.lastModifiedTime().toMillis();
        Entry e = entries.get(file);
        if (e != null && e.engine == engine && e.mtime == mtime && e.size == a.size()) {
            return e.compiled;
        }
        String name = file.getFileName().toString().replaceFirst("\\.sieve$", "");
        Compiled c;
        if (maxSize > 0 && a.size() > maxSize) {
            // sieve_max_script_size: Pigeonhole refuses to read it at all.
            c = new Compiled(null, new SieveCompileException(1, 1,
                    "script is too large (max " + maxSize + " bytes)"));
            entries.put(file, new Entry(engine, mtime, a.size(), c));
            return c;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            c = new Compiled(engine.compile(name, text), null);
        } catch (SieveCompileException ex) {
            c = new Compiled(null, ex);
        } catch (RuntimeException | LinkageError ex) {
            // An engine failing on this text is a script that cannot be used, not lost mail.
            c = new Compiled(null, new SieveCompileException(1, 1, "internal error: " + ex));
        }
        entries.put(file, new Entry(engine, mtime, a.size(), c));
        return c;
    }

    int size() {
        return entries.size();
    }
}
