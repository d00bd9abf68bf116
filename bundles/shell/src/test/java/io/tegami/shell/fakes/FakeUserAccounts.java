package io.tegami.shell.fakes;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserAccounts;

/** Users in a map; {@link #failing} makes every call fail like an unwritable file. */
public final class FakeUserAccounts implements UserAccounts {

    public final Map<String, String> passwords = new TreeMap<>();
    public boolean failing;
    /** The last password array handed to us, to check the caller wiped it afterwards. */
    public char[] lastPasswordArray;
    /** The name of the thread that last handed us a password: log lines would carry it. */
    public String lastThreadName;

    @Override
    public User add(String name, char[] password) throws DirectoryException {
        checkWritable();
        if (passwords.containsKey(name)) {
            throw new DirectoryException("user '" + name + "' already exists");
        }
        lastPasswordArray = password;
        lastThreadName = Thread.currentThread().getName();
        passwords.put(name, new String(password));
        return new User(name, -1, -1, Path.of("/home", name), Map.of());
    }

    @Override
    public boolean remove(String name) throws DirectoryException {
        checkWritable();
        return passwords.remove(name) != null;
    }

    @Override
    public boolean setPassword(String name, char[] password) throws DirectoryException {
        checkWritable();
        if (!passwords.containsKey(name)) {
            return false;
        }
        lastPasswordArray = password;
        lastThreadName = Thread.currentThread().getName();
        passwords.put(name, new String(password));
        return true;
    }

    private void checkWritable() throws DirectoryException {
        if (failing) {
            throw new DirectoryException("cannot write data/passwd: Read-only file system");
        }
    }
}
