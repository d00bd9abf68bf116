package io.tegami.api.store.contract;

import static io.tegami.api.store.contract.Expect.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import org.junit.jupiter.api.Test;

/** Names that could reach outside the user's mail are refused, and nothing outside changes. */
public interface NameSafetyContract extends StoreFixture {

    /** Names every store must refuse, for a session with delimiter {@code d}. */
    static List<String> badNames(char d) {
        List<String> bad = new ArrayList<>(List.of("", "..", ".", "../x", "../../etc/passwd", "/etc", "/tmp/x",
                "~", "~root", "~/x", "a\0b", "a\nb", "a\rb", "tab\there", "del\u007f", "c1\u0085",
                "x".repeat(1000), "a\\b", "star*", "per%cent", "bad\uD800", "\uDC00bad",
                d + "x", "x" + d, "x" + d + d + "y", "x" + d + ".." + d + "y", ".." + d + "x", "x" + d + ".."));
        if (d != '/') {
            bad.addAll(List.of("a/b", "a/../../x", "..%2f", "x/"));
        }
        return bad;
    }

    private static Set<String> tree(Path root, Path exclude) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> !p.startsWith(exclude)).forEach(p -> out.add(root.relativize(p).toString()));
        }
        return out;
    }

    @Test
    default void namesThatLeaveTheMailDirectoryAreRefused() throws Exception {
        MailboxSession s = alice();
        s.create("Real");
        char d = s.delimiter();
        Path home = s.user().home();
        Set<String> outside = tree(base(), home);
        List<MailboxInfo> listed = s.list();
        for (String name : badNames(d)) {
            String shown = name.length() > 20 ? name.substring(0, 20) + "..." : name;
            assertEquals(StoreException.Reason.INVALID_NAME, failure(() -> s.create(name)), "create " + shown);
            assertEquals(StoreException.Reason.INVALID_NAME, failure(() -> s.open(name)), "open " + shown);
            assertEquals(StoreException.Reason.INVALID_NAME, failure(() -> s.open(name, true)), "examine " + shown);
            assertEquals(StoreException.Reason.INVALID_NAME, failure(() -> s.delete(name)), "delete " + shown);
            assertEquals(StoreException.Reason.INVALID_NAME, failure(() -> s.rename("Real", name)), "rename to " + shown);
            assertEquals(StoreException.Reason.INVALID_NAME, failure(() -> s.rename(name, "Other")), "rename from " + shown);
            assertEquals(StoreException.Reason.INVALID_NAME, failure(() -> s.subscribe(name)), "subscribe " + shown);
        }
        assertEquals(outside, tree(base(), home), "nothing outside the user's home changed");
        assertEquals(listed, s.list(), "no folder appeared or vanished");
    }

    @Test
    default void namesWithTheOtherSeparatorCharacters() throws Exception {
        // Names that look odd but are fine in both stores.
        MailboxSession s = alice();
        for (String name : List.of("a b", "with-dash", "under_score", "#hash", "quote\"d", "brace{1}", "semi;colon",
                "comma,name", "&amp", "tilde~inside", "dots.not" + (s.delimiter() == '.' ? "" : ".ok"))) {
            if (name.indexOf(s.delimiter()) >= 0) {
                continue;
            }
            s.create(name);
            s.open(name).close();
            s.delete(name);
        }
    }
}
