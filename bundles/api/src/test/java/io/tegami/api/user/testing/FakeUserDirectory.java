package io.tegami.api.user.testing;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * A user directory in memory: users with or without passwords, stored either "in clear" (so
 * that {@link #credentials} gives them, as a {@code {PLAIN}} passwd-file entry does for APOP and
 * CRAM-MD5) or as if hashed; userdb extra fields; homes under {@code /home} unless told. Records
 * the names looked up and the client addresses passwords were checked for, and can be told to
 * fail like an unreadable passwd file. Safe to use from several threads.
 */
public final class FakeUserDirectory implements UserDirectory {

    // Synchronized rather than concurrent collections: those would throw on a null name.
    private final Set<String> names = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, String> passwords = Collections.synchronizedMap(new HashMap<>());
    private final Set<String> clear = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, Map<String, String>> fields = Collections.synchronizedMap(new HashMap<>());
    private final List<String> lookups = Collections.synchronizedList(new ArrayList<>());
    private final List<InetAddress> authClients = Collections.synchronizedList(new ArrayList<>());
    private volatile Path homes = Path.of("/home");
    private volatile boolean failing;

    /** A directory of users without passwords (known to lookups, never authenticated). */
    public FakeUserDirectory(String... names) {
        this.names.addAll(List.of(names));
    }

    /** A user whose password is stored as a one-way hash: it authenticates, but gives no credentials. */
    public FakeUserDirectory password(String name, String password) {
        names.add(name);
        passwords.put(name, password);
        clear.remove(name);
        return this;
    }

    /** A user whose password is stored as {@code {PLAIN}}: {@code credentials(name, "PLAIN")} gives it. */
    public FakeUserDirectory plain(String name, String password) {
        password(name, password);
        clear.add(name);
        return this;
    }

    /** Userdb extra fields of a user ({@code userdb_mail}...), replacing earlier ones. */
    public FakeUserDirectory fields(String name, Map<String, String> extra) {
        fields.put(name, Map.copyOf(extra));
        return this;
    }

    /** Users' homes are {@code parent/NAME} ({@code /home/NAME} unless told). */
    public FakeUserDirectory homes(Path parent) {
        this.homes = parent;
        return this;
    }

    /** Makes every call throw {@link DirectoryException}, as an unreadable passwd file would. */
    public FakeUserDirectory failing(boolean fail) {
        this.failing = fail;
        return this;
    }

    /** The user record the directory returns for {@code name} (known or not). */
    public User user(String name) {
        return new User(name, -1, -1, homes.resolve(name), fields.getOrDefault(name, Map.of()));
    }

    /** The names looked up, in order (a password check looks the user up too). */
    public List<String> lookups() {
        return lookups;
    }

    /** The client addresses passwords were checked for, in order. */
    public List<InetAddress> authClients() {
        return authClients;
    }

    @Override
    public Optional<User> lookup(String name) throws DirectoryException {
        lookups.add(name);
        check();
        return names.contains(name) ? Optional.of(user(name)) : Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) throws DirectoryException {
        check();
        String stored = passwords.get(name);
        return stored != null && stored.equals(new String(password)) ? lookup(name) : Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password, InetAddress client) throws DirectoryException {
        authClients.add(client);
        return authenticate(name, password);
    }

    @Override
    public Optional<String> credentials(String name, String scheme) throws DirectoryException {
        check();
        if (!"PLAIN".equals(scheme) || !clear.contains(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(passwords.get(name));
    }

    private void check() throws DirectoryException {
        if (failing) {
            throw new DirectoryException("passwd file unreadable");
        }
    }
}
