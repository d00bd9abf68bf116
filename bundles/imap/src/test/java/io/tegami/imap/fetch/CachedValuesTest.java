package io.tegami.imap.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.user.testing.FakeUserDirectory;
import io.tegami.store.maildir.MaildirStore;

/** A command's cached values come from one store call per field, whatever the number of messages. */
class CachedValuesTest {

    @TempDir
    Path dir;

    @Test
    void oneStoreLookupPerFieldForAllMessages() throws Exception {
        MaildirStore store = new MaildirStore(MapMailParameters.of(dir, "mail_location", "maildir:~/Maildir"));
        FakeUserDirectory users = new FakeUserDirectory().homes(dir.resolve("home")).password("alice", "secret");
        try (MailboxSession s = store.open(users.user("alice")); Mailbox box = s.open("INBOX")) {
            List<Long> uids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                uids.add(box.append(new ByteArrayInputStream(("Subject: " + i + "\r\n\r\nx\r\n")
                        .getBytes(StandardCharsets.US_ASCII)), Set.of(), null));
            }
            box.messages(); // as SELECT does: the store keeps values of messages it has listed
            box.cacheValue(uids.get(1), "test.f", new byte[] {'1'});
            box.cacheValue(uids.get(4), "test.f", new byte[] {'4'});
            Map<String, Integer> calls = new ConcurrentHashMap<>();
            Mailbox counted = (Mailbox) Proxy.newProxyInstance(Mailbox.class.getClassLoader(), new Class<?>[] {Mailbox.class},
                    (proxy, method, args) -> {
                        calls.merge(method.getName(), 1, Integer::sum);
                        try {
                            return method.invoke(box, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            CachedValues values = new CachedValues(counted, uids);
            for (int i = 0; i < uids.size(); i++) {
                byte[] v = values.get(i, "test.f");
                if (i == 1 || i == 4) {
                    assertArrayEquals(new byte[] {(byte) ('0' + i)}, v);
                } else {
                    assertNull(v);
                }
                assertNull(values.get(i, "test.g"));
            }
            assertEquals(Map.of("cachedValues", 2), calls, "one batch per field, no lookup per message");
        }
    }
}
