package io.tegami.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.user.User;

/** The user's field, then mail_location, then the default; the prefix; bindings newest first. */
class StoreSelectionTest {

    private static User user(Map<String, String> fields) {
        return new User("alice", -1, -1, Path.of("/home/alice"), fields);
    }

    /** A distinct store each call (a non-capturing lambda would be one shared instance). */
    private static MailStore store() {
        return new MailStore() {
            @Override
            public MailboxSession open(User user) throws StoreException {
                throw new StoreException(StoreException.Reason.IO, "not for opening");
            }
        };
    }

    @Test
    void userFieldsWinOverMailLocation() {
        MapMailParameters params = MapMailParameters.of(Path.of("/tmp"), "mail_location", " mbox:~/mail ");
        assertEquals("mbox:~/mail", StoreSelection.location(user(Map.of()), params));
        assertEquals("maildir:~/M", StoreSelection.location(user(Map.of("mail", "maildir:~/M")), params));
        assertEquals("mbox:~/x", StoreSelection.location(user(Map.of("mail", "maildir:~/M", "userdb_mail", "mbox:~/x")), params));
        assertEquals("mbox:~/mail", StoreSelection.location(user(Map.of("userdb_mail", "  ")), params), "blank is unset");
    }

    @Test
    void withoutParametersOrLocationTheDefault() {
        assertEquals(StoreSelection.DEFAULT_LOCATION, StoreSelection.location(user(Map.of()), null));
        MapMailParameters blank = MapMailParameters.of(Path.of("/tmp"), "mail_location", " ");
        assertEquals("maildir", StoreSelection.typeFor(user(Map.of()), blank));
    }

    @Test
    void typeIsTheAsciiPrefix() {
        assertEquals("mbox", StoreSelection.type("MBOX:~/mail:INBOX=/var/mail/%u"));
        assertEquals("maildir", StoreSelection.type("~/Maildir"));
        assertEquals("maildir", StoreSelection.type("/var/mail/x:y"), "a path before the colon is no prefix");
        assertEquals("maildir", StoreSelection.type(":x"));
        assertEquals("sdbox", StoreSelection.type("sdbox:~/dbox"));
    }

    @Test
    void boundStoresNewestFirstByType() {
        StoreSelection stores = new StoreSelection();
        MailStore first = store();
        MailStore second = store();
        MailStore mbox = store();
        stores.add(first, Map.of(MailStore.TYPE, "maildir"));
        stores.add(mbox, Map.of(MailStore.TYPE, "MBOX"));
        stores.add(second, Map.of(MailStore.TYPE, "maildir"));
        assertSame(second, stores.store("maildir"), "a replacement bound before the old one left");
        assertSame(mbox, stores.storeFor(user(Map.of("userdb_mail", "mbox:~/mail")), null));
        stores.remove(second);
        assertSame(first, stores.storeFor(user(Map.of()), null));
        stores.remove(first);
        assertNull(stores.store("maildir"));
    }
}
