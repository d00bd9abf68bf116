package io.tegami.shell.doveadm;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/** Users with plaintext passwords; records the client address of the last login. */
final class FakeDirectory implements UserDirectory {

    final Map<String, User> users = new HashMap<>();
    final Map<String, String> passwords = new HashMap<>();
    InetAddress lastClient;
    boolean broken;

    FakeDirectory add(String name, String password, int uid, String home, Map<String, String> fields) {
        users.put(name, new User(name, uid, uid, Path.of(home), fields));
        passwords.put(name, password);
        return this;
    }

    @Override
    public Optional<User> lookup(String name) throws DirectoryException {
        if (broken) {
            throw new DirectoryException("cannot read passwd-file data/passwd: Permission denied");
        }
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) throws DirectoryException {
        return authenticate(name, password, null);
    }

    @Override
    public Optional<User> authenticate(String name, char[] password, InetAddress client) throws DirectoryException {
        lastClient = client;
        Optional<User> user = lookup(name);
        return user.filter(u -> passwords.get(name).equals(new String(password)));
    }
}
