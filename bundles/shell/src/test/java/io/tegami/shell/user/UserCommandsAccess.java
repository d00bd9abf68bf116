package io.tegami.shell.user;

import io.tegami.api.user.UserAccounts;

/** Builds the commands with their reference set, as DS would, for tests in other packages. */
public final class UserCommandsAccess {

    private UserCommandsAccess() {
    }

    public static UserCommands create(UserAccounts accounts) {
        return new UserCommands(accounts);
    }
}
