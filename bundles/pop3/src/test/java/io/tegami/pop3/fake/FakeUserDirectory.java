package io.tegami.pop3.fake;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * Users with passwords; some stored "in clear" (so that APOP can get them through
 * {@link #credentials}), others as if hashed. Can be told to fail like an unreadable passwd file.
 */
public final class FakeUserDirectory implements UserDirectory {

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Boolean> clear = new HashMap<>();
    private final Map<String, Map<String, String>> fields = new HashMap<>();
    private final List<InetAddress> authClients = new ArrayList<>();
    private boolean failing;

    /** A user whose password is stored as {PLAIN} (credentials work). */
    public FakeUserDirectory plain(String name, String password) {
        passwords.put(name, password);
        clear.put(name, true);
        return this;
    }

    /** A user whose password is stored as a one-way hash (no credentials). */
    public FakeUserDirectory hashed(String name, String password) {
        passwords.put(name, password);
        clear.put(name, false);
        return this;
    }

    /** Userdb extra fields of a user ({@code userdb_mail}). */
    public FakeUserDirectory fields(String name, Map<String, String> extra) {
        fields.put(name, Map.copyOf(extra));
        return this;
    }

    public FakeUserDirectory failing(boolean fail) {
        this.failing = fail;
        return this;
    }

    /** The client addresses passwords were checked for. */
    public List<InetAddress> authClients() {
        return authClients;
    }

    @Override
    public Optional<User> lookup(String name) throws DirectoryException {
        if (failing) {
            throw new DirectoryException("passwd file unreadable");
        }
        return passwords.containsKey(name)
                ? Optional.of(new User(name, -1, -1, Path.of("/home", name), fields.getOrDefault(name, Map.of())))
                : Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) throws DirectoryException {
        if (failing) {
            throw new DirectoryException("passwd file unreadable");
        }
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
        if (failing) {
            throw new DirectoryException("passwd file unreadable");
        }
        if (!"PLAIN".equals(scheme) || !Boolean.TRUE.equals(clear.get(name))) {
            return Optional.empty();
        }
        return Optional.ofNullable(passwords.get(name));
    }
}
