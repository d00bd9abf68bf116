package io.tegami.imap.fake;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/** Users with plain passwords and homes under a base directory; can fail like an unreadable file. */
public final class FakeUsers implements UserDirectory {

    private final Path base;
    private final Map<String, String> passwords = new HashMap<>();
    private volatile boolean failing;

    public FakeUsers(Path base) {
        this.base = base;
    }

    public FakeUsers add(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    public FakeUsers failing(boolean fail) {
        this.failing = fail;
        return this;
    }

    /** The user as the directory returns it. */
    public User user(String name) {
        return new User(name, -1, -1, base.resolve("home").resolve(name), Map.of());
    }

    @Override
    public Optional<User> lookup(String name) throws DirectoryException {
        if (failing) {
            throw new DirectoryException("passwd file unreadable");
        }
        return passwords.containsKey(name) ? Optional.of(user(name)) : Optional.empty();
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
        return authenticate(name, password);
    }
}
