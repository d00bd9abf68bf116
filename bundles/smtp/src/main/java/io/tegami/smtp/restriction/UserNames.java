package io.tegami.smtp.restriction;

import java.util.Locale;

/** How a local recipient's address maps to a login name in the user directory. */
public final class UserNames {

    private UserNames() {
    }

    /**
     * The login name a local part stands for: lower case, without the address extension
     * ({@code Alice+news} is {@code alice} with {@code recipient_delimiter = +}). As in Postfix,
     * every character of the delimiter setting is a delimiter, and a leading one is not cut.
     */
    public static String of(String localPart, String delimiters) {
        String name = localPart.toLowerCase(Locale.ROOT);
        int cut = AccessTables.extension(name, delimiters);
        return cut > 0 ? name.substring(0, cut) : name;
    }
}
