package io.tegami.api.sasl.contract;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * A user directory in memory for {@link SaslMechanismContract}: users with clear-text passwords,
 * credentials derived from them per scheme ({@code PLAIN} always; others when a subclass of the
 * contract registers a function), a switch that makes it fail like an unreachable server, and a
 * record of the client addresses passwords were checked for.
 */
public final class ContractDirectory implements UserDirectory {

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Function<String, String>> schemes = new HashMap<>();
    private final List<InetAddress> clients = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean failing;

    public ContractDirectory() {
        schemes.put("PLAIN", password -> password);
    }

    /** Adds a user. */
    public ContractDirectory user(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    /** Lets {@link #credentials} answer for {@code scheme}, computed from the clear-text password. */
    public ContractDirectory scheme(String scheme, Function<String, String> fromPassword) {
        schemes.put(scheme, fromPassword);
        return this;
    }

    /** Makes every call throw {@link DirectoryException}, as an unreadable passwd-file would. */
    public ContractDirectory failing(boolean fail) {
        this.failing = fail;
        return this;
    }

    /** The client addresses given to {@link #authenticate(String, char[], InetAddress)}, in order. */
    public List<InetAddress> clients() {
        return List.copyOf(clients);
    }

    /** The user record the directory returns for {@code name}. */
    public static User userRecord(String name) {
        return new User(name, 1000, 1000, Path.of("/home", name), Map.of("quota_rule", "*:storage=1G"));
    }

    @Override
    public Optional<User> lookup(String name) throws DirectoryException {
        check();
        return passwords.containsKey(name) ? Optional.of(userRecord(name)) : Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) throws DirectoryException {
        check();
        String stored = passwords.get(name);
        return stored != null && stored.equals(new String(password)) ? Optional.of(userRecord(name)) : Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password, InetAddress client) throws DirectoryException {
        check();
        clients.add(client);
        return authenticate(name, password);
    }

    @Override
    public Optional<String> credentials(String name, String scheme) throws DirectoryException {
        check();
        String stored = passwords.get(name);
        Function<String, String> derive = schemes.get(scheme);
        return stored == null || derive == null ? Optional.empty() : Optional.ofNullable(derive.apply(stored));
    }

    private void check() throws DirectoryException {
        if (failing) {
            throw new DirectoryException("contract directory told to fail");
        }
    }
}
