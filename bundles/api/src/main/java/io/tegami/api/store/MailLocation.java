package io.tegami.api.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tegami.api.user.User;

/**
 * A Dovecot {@code mail_location} such as {@code maildir:~/Maildir:INBOX=~/Maildir/inbox:LAYOUT=fs}:
 * a format, a root path, then {@code KEY=VALUE} options, separated by ':' ({@code ::} is a literal
 * colon). Paths expand {@code ~} (the user's home) and the variables {@code %u} (user),
 * {@code %n} (user part), {@code %d} (domain), {@code %h} (home), {@code %%}, and their long forms
 * {@code %{user}}, {@code %{username}}, {@code %{domain}}, {@code %{home}}.
 *
 * <p>Stores parse the location they are configured with ({@link StoreSelection#location} gives the
 * one that applies to a user) and expand its paths per user with {@link #expand}, which refuses
 * user names that would climb out of the directory.
 *
 * @param format the format prefix in lower case ({@code maildir}, {@code mbox}), or empty when there is none
 * @param path the root path template
 * @param options the options by upper-case key ({@code INBOX}, {@code CONTROL}, {@code LAYOUT}...)
 */
public record MailLocation(String format, String path, Map<String, String> options) {

    public MailLocation {
        options = Map.copyOf(options);
    }

    /** Parses a location; a value without a format prefix has an empty {@link #format()}. */
    public static MailLocation parse(String value) {
        List<String> parts = split(value.trim());
        String format = "";
        String first = parts.get(0);
        if (parts.size() > 1 && first.matches("[A-Za-z0-9]+")) {
            format = first.toLowerCase(Locale.ROOT);
            parts.remove(0);
        }
        String path = parts.isEmpty() ? "" : parts.remove(0);
        Map<String, String> options = new LinkedHashMap<>();
        for (String p : parts) {
            int eq = p.indexOf('=');
            if (eq < 0) {
                options.put(p.toUpperCase(Locale.ROOT), "");
            } else {
                options.put(p.substring(0, eq).toUpperCase(Locale.ROOT), p.substring(eq + 1));
            }
        }
        return new MailLocation(format, path, options);
    }

    /** Splits at ':' where "::" stands for a ':' inside a value. */
    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' && i + 1 < value.length() && value.charAt(i + 1) == ':') {
                cur.append(':');
                i++;
            } else if (c == ':') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /**
     * Expands a path template for {@code user}; a relative result is resolved against {@code base}.
     *
     * @throws StoreException INVALID_NAME if a user name would make the path leave its directory
     */
    public static Path expand(String template, User user, Path base) throws StoreException {
        String name = user.name();
        int at = name.indexOf('@');
        String local = at < 0 ? name : name.substring(0, at);
        String domain = at < 0 ? "" : name.substring(at + 1);
        Path home = user.home().isAbsolute() ? user.home() : base.resolve(user.home());
        for (String v : new String[] {name, local, domain}) {
            // A user name is spliced into a path: it must not climb out of it.
            if (v.indexOf('/') >= 0 || v.indexOf('\0') >= 0 || v.equals("..") || v.equals(".")) {
                throw new StoreException(StoreException.Reason.INVALID_NAME, "unsafe user name for a path: " + name);
            }
        }
        StringBuilder out = new StringBuilder();
        String t = template;
        if (t.equals("~") || t.startsWith("~/")) {
            out.append(home);
            t = t.substring(1);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '%' || i + 1 >= t.length()) {
                out.append(c);
                continue;
            }
            String var;
            char v = t.charAt(++i);
            if (v == '{') {
                int close = t.indexOf('}', i);
                if (close < 0) {
                    throw new StoreException(StoreException.Reason.IO, "unclosed %{ in mail_location " + template);
                }
                var = t.substring(i + 1, close);
                i = close;
            } else {
                var = String.valueOf(v);
            }
            out.append(switch (var) {
                case "u", "user" -> name;
                case "n", "username" -> local;
                case "d", "domain" -> domain;
                case "h", "home" -> home.toString();
                case "%" -> "%";
                default -> throw new StoreException(StoreException.Reason.IO,
                        "unsupported variable %" + var + " in mail_location " + template);
            });
        }
        try {
            Path p = Path.of(out.toString());
            return (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StoreException(StoreException.Reason.IO, "bad mail_location path " + out, e);
        }
    }
}
