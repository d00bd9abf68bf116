package io.tegami.auth.plain;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/** Knows tim/tanstaaftanstaaf (RFC 4616's example) and keeps the password arrays it was given. */
final class RecordingDirectory implements UserDirectory {

    final List<char[]> passwords = new ArrayList<>();
    final List<String> names = new ArrayList<>();

    @Override
    public Optional<User> lookup(String name) {
        return name.equals("tim") ? Optional.of(new User("tim", -1, -1, Path.of("/home/tim"), Map.of())) : Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) {
        throw new AssertionError("mechanisms must pass the client address");
    }

    @Override
    public Optional<User> authenticate(String name, char[] password, InetAddress client) {
        passwords.add(password);
        names.add(name);
        return name.equals("tim") && new String(password).equals("tanstaaftanstaaf") ? lookup(name) : Optional.empty();
    }
}
