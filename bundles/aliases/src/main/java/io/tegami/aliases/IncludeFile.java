package io.tegami.aliases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.address.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an {@code :include:} file when its alias is used, as local(8) does: addresses separated by
 * commas or lines, comments allowed, the same element syntax as an alias value. Nested includes
 * are followed to a fixed depth. A file that cannot be read is a temporary failure (the mail is
 * deferred); a malformed element is logged and skipped, so one bad line does not stop a list.
 */
final class IncludeFile {

    private static final Logger LOG = LoggerFactory.getLogger(IncludeFile.class);

    /** Deeper nesting is an include loop; Postfix stops at its recursion limit too. */
    static final int MAX_DEPTH = 10;

    private IncludeFile() {
    }

    static Destination.Include read(Path file, String origin, Path base, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UncheckedIOException(new IOException(":include: nesting too deep at " + file));
        }
        List<Destination> members = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (LogicalLines.Line line : LogicalLines.read(reader)) {
                try {
                    for (AliasValues.Item item : AliasValues.parse(line.text(), origin, base)) {
                        members.add(resolve(item, origin, base, depth));
                    }
                } catch (AliasValues.SyntaxError e) {
                    LOG.warn("{}, line {}: {}", file, line.number(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open include file " + file + ": " + e.getMessage(), e);
        }
        return new Destination.Include(file, members);
    }

    static Destination resolve(AliasValues.Item item, String origin, Path base, int depth) {
        if (item instanceof AliasValues.Ready ready) {
            return ready.destination();
        }
        return read(((AliasValues.Pending) item).include(), origin, base, depth + 1);
    }
}
