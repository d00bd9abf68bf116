package io.tegami.auth.crammd5;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/** A directory whose users (carol) have only a one-way hash, or a broken {CRAM-MD5} entry (dave). */
final class OneWayDirectory implements UserDirectory {

    @Override
    public Optional<User> lookup(String name) {
        return name.equals("carol") || name.equals("dave")
                ? Optional.of(new User(name, -1, -1, Path.of("/home", name), Map.of())) : Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) {
        return Optional.empty();
    }

    @Override
    public Optional<String> credentials(String name, String scheme) {
        return name.equals("dave") && scheme.equals("CRAM-MD5") ? Optional.of("not-a-context") : Optional.empty();
    }
}
