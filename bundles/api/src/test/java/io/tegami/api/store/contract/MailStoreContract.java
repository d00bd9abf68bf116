package io.tegami.api.store.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link MailStore} keeps, as JUnit 5 tests: run it by subclassing this class
 * in the store's own test sources, with the api test-jar as a test dependency:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.tegami</groupId><artifactId>api</artifactId>
 *   <type>test-jar</type><classifier>tests</classifier><scope>test</scope>
 * </dependency>
 *
 * class MaildirStoreContractTest extends MailStoreContract {
 *     protected MailStore createStore(Path base) {
 *         return new MaildirStore(MapMailParameters.of(base, "mail_location", "maildir:~/Maildir"));
 *     }
 *     protected boolean addExternally(User user, String mailbox, String message) { ... }
 * }
 * }</pre>
 *
 * <p>The tests come from the interfaces this class implements, one per area:
 * {@link FolderContract} (the folder tree, subscriptions, special use, Unicode names),
 * {@link MessageContract} (append, UIDs, sizes, streaming, expunge), {@link DeliveryContract}
 * (deliveries that a store may number later), {@link FlagContract} (flags,
 * keywords, modification sequences, {@code \Recent}, read-only handles), {@link CopyMoveContract},
 * {@link EventContract} (listeners between sessions, {@code refresh()}), {@link NameSafetyContract}
 * (names that could leave the user's directory), {@link ConcurrencyContract} (parallel appends,
 * expunges and readers), {@link RecoveryContract} (damaged index), {@link IndexContract} (what a
 * store keeps of a folder between sessions never hides a change) and {@link QuotaContract}
 * (Dovecot's quota rules, usage, refusals). Each test gets a fresh
 * {@link #createStore store} over a fresh temporary directory; sessions opened through
 * {@link #session} are closed after it.
 */
public abstract class MailStoreContract implements FolderContract, MessageContract, DeliveryContract, FlagContract,
        CopyMoveContract, EventContract, NameSafetyContract, ConcurrencyContract, RecoveryContract, IndexContract,
        QuotaContract {

    @TempDir
    Path tempDir;

    private MailStore store;
    private final List<MailboxSession> sessions = new ArrayList<>();

    /**
     * Creates the store under test. Users' homes will be under {@code base/home}; a store that
     * needs configuration (a {@code mail_location}) takes it from here.
     */
    protected abstract MailStore createStore(Path base) throws Exception;

    /** Called after each test with the store; stop threads or deactivate it here. */
    protected void disposeStore(MailStore s) throws Exception {
    }

    /** Userdb fields for test users (e.g. a {@code mail} field); none by default. */
    protected Map<String, String> userFields(String name) {
        return Map.of();
    }

    @Override
    public boolean addExternally(User user, String mailbox, String message) throws Exception {
        return false;
    }

    @Override
    public boolean damageIndex(User user, String mailbox) throws Exception {
        return false;
    }

    @BeforeEach
    final void createStoreForTest() throws Exception {
        store = createStore(tempDir);
    }

    @AfterEach
    final void closeSessions() throws Exception {
        synchronized (sessions) {
            for (MailboxSession s : sessions) {
                s.close();
            }
            sessions.clear();
        }
        disposeStore(store);
    }

    @Override
    public final MailStore store() {
        return store;
    }

    @Override
    public final Path base() {
        return tempDir;
    }

    @Override
    public User user(String name) {
        return new User(name, -1, -1, tempDir.resolve("home").resolve(name), userFields(name));
    }

    @Override
    public final MailboxSession session(User user) throws StoreException {
        MailboxSession s = store.open(user);
        synchronized (sessions) {
            sessions.add(s);
        }
        return s;
    }
}
