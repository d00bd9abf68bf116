package io.tegami.smtp.fake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/** A fixed set of users; can be told to fail like an unreadable passwd file. */
public final class FakeUserDirectory implements UserDirectory {

    private final Set<String> names;
    private final List<String> lookups = new ArrayList<>();
    private boolean failing;

    public FakeUserDirectory(String... names) {
        this.names = Set.of(names);
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
    public Optional<User> authenticate(String name, char[] password) {
        return Optional.empty();
    }
}
