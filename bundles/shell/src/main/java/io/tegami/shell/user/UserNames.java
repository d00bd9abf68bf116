package io.tegami.shell.user;

import java.util.regex.Pattern;

/**
 * Which login names and passwords {@code useradd}/{@code passwd} accept.
 *
 * <p>Names end up in a passwd-file line and, through {@code mail_home = .../%u}, in a directory
 * path: so no {@code :}, no white space, no {@code /}, no {@code ..}, nothing that starts like an
 * option or a hidden file. Plain names and addresses ({@code alice}, {@code alice@example.com})
 * pass.
 */
final class UserNames {

    static final int MAX_LENGTH = 254;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    private UserNames() {
    }

    /** @return why the name is refused, or null if it is fine */
    static String problemWithName(String name) {
        if (name.isEmpty()) {
            return "the user name is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "the user name is longer than " + MAX_LENGTH + " characters";
        }
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return "invalid user name '" + name + "': use letters, digits and . _ @ - (starting with a letter or digit)";
        }
        return null;
    }

    /** @return why the password is refused, or null if it is fine */
    static String problemWithPassword(String password) {
        if (password.isEmpty()) {
            return "the password is empty";
        }
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "the password contains a control character";
            }
        }
        return null;
    }
}
