package io.tegami.smtp.fake;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/** A fixed set of users, some with passwords; can be told to fail like an unreadable passwd file. */
public final class FakeUserDirectory implements UserDirectory {

    private final Set<String> names;
    private final List<String> lookups = new ArrayList<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final List<InetAddress> authClients = new ArrayList<>();
    private boolean failing;

    public FakeUserDirectory(String... names) {
        this.names = Set.of(names);
    }

    /** Gives a user a password (the user must be one of the names). */
    public FakeUserDirectory password(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    /** The client addresses passwords were checked for. */
    public List<InetAddress> authClients() {
        return authClients;
    }

    public FakeUserDirectory failing(boolean fail) {
        this.failing = fail;
        return this;
    }

    /** The names looked up, in order. */
    public List<String> lookups() {
        return lookups;
    }

    @Override
    public Optional<User> lookup(String name) throws DirectoryException {
        lookups.add(name);
        if (failing) {
            throw new DirectoryException("passwd file unreadable");
        }
        return names.contains(name) ? Optional.of(new User(name, -1, -1, Path.of("/home", name), Map.of()))
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
}
