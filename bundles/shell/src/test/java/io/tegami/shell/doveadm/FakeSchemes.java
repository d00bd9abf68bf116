package io.tegami.shell.doveadm;

import java.util.List;

import io.tegami.api.user.PasswordSchemes;

/**
 * PLAIN and a reversible toy scheme, ROT ({@code {ROT}} + the password reversed), failing the way
 * the real service does.
 */
final class FakeSchemes implements PasswordSchemes {

    String defaultScheme = "ROT";
    String lastUser;
    int lastRounds;

    @Override
    public List<String> schemes() {
        return List.of("ROT", "PLAIN");
    }

    @Override
    public String defaultScheme() {
        return defaultScheme;
    }

    @Override
    public String generate(String scheme, char[] password, String user, int rounds) {
        lastUser = user;
        lastRounds = rounds;
        String s = scheme.toUpperCase();
        return switch (s) {
            case "ROT" -> "{ROT}" + new StringBuilder(new String(password)).reverse();
            case "PLAIN" -> "{PLAIN}" + new String(password);
            default -> throw new IllegalArgumentException("Unknown scheme: " + s);
        };
    }

    @Override
    public boolean verify(String stored, char[] password, String user) {
        if (stored.startsWith("$1$")) {
            return new String(password).equals("secret");
        }
        if (!stored.startsWith("{")) {
            throw new IllegalArgumentException("Missing {scheme} prefix from hash");
        }
        String scheme = stored.substring(1, stored.indexOf('}')).toUpperCase();
        String data = stored.substring(stored.indexOf('}') + 1);
        return switch (scheme) {
            case "ROT" -> data.equals(new StringBuilder(new String(password)).reverse().toString());
            case "PLAIN" -> data.equals(new String(password));
            case "SSHA" -> throw new IllegalArgumentException("SSHA password is too short");
            case "SHA" -> throw new IllegalArgumentException("Input length isn't valid (3 instead of 20)");
            default -> throw new IllegalArgumentException("Unknown scheme");
        };
    }
}
