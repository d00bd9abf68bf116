package io.tegami.users.passwdfile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Expands a Dovecot home template such as {@code mail_home = data/home/%u}: {@code %u} the whole
 * user name, {@code %n} the part before '@', {@code %d} the part after it, {@code %%} a percent
 * sign, and the long forms {@code %{user}}, {@code %{username}}, {@code %{domain}}. A relative
 * result is resolved against Tegami's home directory.
 */
final class HomeTemplate {

    private HomeTemplate() {
    }

    /**
     * The home directory of {@code user}.
     *
     * @throws IllegalArgumentException if the result is not a usable path
     */
    static Path expand(String template, String user, Path base) {
        int at = user.indexOf('@');
        String local = at < 0 ? user : user.substring(0, at);
        String domain = at < 0 ? "" : user.substring(at + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char v = template.charAt(++i);
            if (v == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed %{ in " + template);
                }
                out.append(variable(template.substring(i + 1, close), user, local, domain));
                i = close;
            } else {
                out.append(variable(String.valueOf(v), user, local, domain));
            }
        }
        try {
            Path home = Path.of(out.toString());
            return (home.isAbsolute() ? home : base.resolve(home)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("bad home directory " + out, e);
        }
    }

    private static String variable(String name, String user, String local, String domain) {
        return switch (name) {
            case "u", "user" -> user;
            case "n", "username" -> local;
            case "d", "domain" -> domain;
            case "%" -> "%";
            default -> throw new IllegalArgumentException("unknown variable %" + name);
        };
    }
}
