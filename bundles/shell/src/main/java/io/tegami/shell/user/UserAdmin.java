package io.tegami.shell.user;

import java.util.Arrays;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.UserAccounts;
import io.tegami.shell.CommandFailedException;

/**
 * Adds, removes and re-passwords users through {@link UserAccounts}, with the messages of the
 * Linux tools of the same names. Every failure is a {@link CommandFailedException}, so the admin
 * socket exits non-zero.
 */
final class UserAdmin {

    private final UserAccounts accounts;

    /** @param accounts the editable directory, or null if none is available */
    UserAdmin(UserAccounts accounts) {
        this.accounts = accounts;
    }

    String add(String name, String password) {
        UserAccounts directory = check("useradd", name, password);
        char[] secret = password.toCharArray();
        try {
            directory.add(name, secret);
            return "useradd: added user '" + name + "'";
        } catch (DirectoryException e) {
            throw failed("useradd", e);
        } finally {
            Arrays.fill(secret, '\0'); // the directory hashed it; do not leave it around
        }
    }

    String remove(String name) {
        UserAccounts directory = check("userdel", name, null);
        try {
            if (!directory.remove(name)) {
                throw new CommandFailedException("userdel: user '" + name + "' does not exist");
            }
            return "userdel: removed user '" + name + "' (mail on disk is kept)";
        } catch (DirectoryException e) {
            throw failed("userdel", e);
        }
    }

    String setPassword(String name, String password) {
        UserAccounts directory = check("passwd", name, password);
        char[] secret = password.toCharArray();
        try {
            if (!directory.setPassword(name, secret)) {
                throw new CommandFailedException("passwd: user '" + name + "' does not exist");
            }
            return "passwd: password updated for '" + name + "'";
        } catch (DirectoryException e) {
            throw failed("passwd", e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private UserAccounts check(String command, String name, String password) {
        String problem = UserNames.problemWithName(name);
        if (problem == null && password != null) {
            problem = UserNames.problemWithPassword(password);
        }
        if (problem != null) {
            throw new CommandFailedException(command + ": " + problem);
        }
        UserAccounts directory = accounts;
        if (directory == null) {
            throw new CommandFailedException(command
                    + ": no editable user directory is available (is the users-passwdfile bundle running?)");
        }
        return directory;
    }

    private static CommandFailedException failed(String command, DirectoryException e) {
        return new CommandFailedException(command + ": " + e.getMessage(), e);
    }
}
