package io.tegami.imap.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.imap.protocol.ParseException;

/** Checks the flags a client wants to set (APPEND, STORE). */
final class FlagArguments {

    private FlagArguments() {
    }

    /**
     * The flags to store: system flags normalized; {@code \Recent} dropped (clients cannot set it);
     * unknown system flags, {@code \*} and malformed keywords refused.
     */
    static Set<String> storable(List<String> flags) throws ParseException {
        Set<String> out = new LinkedHashSet<>();
        for (String f : flags) {
            String n = Flags.normalize(f);
            if (n.equals(Flags.RECENT)) {
                continue;
            }
            if (n.startsWith("\\")) {
                if (!Flags.isSystem(n)) {
                    throw new ParseException("Invalid system flag " + f + ".");
                }
            } else if (!Flags.isValidKeyword(n)) {
                throw new ParseException("Invalid keyword " + f + ".");
            }
            out.add(n);
        }
        return out;
    }
}
