package io.tegami.users.passwdfile;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserAccounts;
import io.tegami.api.user.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users from a Dovecot passwd-file ({@code passwd_file}, default {@code $data_directory/passwd}):
 * lookups, password checks and credentials for the protocols, and {@code useradd}/{@code userdel}/
 * {@code passwd} for the console. The file stays readable by Dovecot's passwd-file passdb/userdb
 * drivers: passwords are written as {@code {SCHEME}hash} in {@code default_pass_scheme}, and a
 * value without a prefix is read in that scheme (CRYPT for the crypt family, as in Dovecot).
 * The extra fields {@code nologin} and {@code allow_nets} refuse logins; {@code userdb_home},
 * {@code userdb_uid} and {@code userdb_gid} override the home, uid and gid fields.
 */
@Component(service = {UserDirectory.class, UserAccounts.class}, property = UserDirectory.TYPE + "=passwd-file")
public final class PasswdFileDirectory implements UserDirectory, UserAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(PasswdFileDirectory.class);
    /** Names {@code useradd} accepts: safe in a path, a passwd-file field and an e-mail local part. */
    private static final Pattern VALID_NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    /** Login results, under a name of their own so that they can be turned up alone (Dovecot's auth_verbose). */
    private static final Logger AUTH_LOG = LoggerFactory.getLogger("io.tegami.users.passwdfile.auth");

    private final MailParameters params;
    private final PasswdFileCache cache = new PasswdFileCache();
    /**
     * Checked when the user does not exist, so that an unknown user costs as much time as a wrong
     * password: a hash of "x" in the scheme of new passwords, made once per scheme.
     */
    private final Map<String, StoredPassword> dummies = new ConcurrentHashMap<>();
    /** Unreadable stored passwords are warned about once per kind of problem, then at debug level. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Activate
    public PasswdFileDirectory(@Reference(name = "params") MailParameters params) {
        this.params = params;
    }

    @Override
    public Optional<User> lookup(String name) throws DirectoryException {
        if (name == null) {
            return Optional.empty();
        }
        PasswdEntry entry = users().get(name);
        return entry == null ? Optional.empty() : Optional.of(toUser(entry));
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) throws DirectoryException {
        return authenticate(name, password, null);
    }

    @Override
    public Optional<User> authenticate(String name, char[] password, InetAddress client) throws DirectoryException {
        if (name == null || password == null) {
            return Optional.empty();
        }
        byte[] secret = DovecotPasswordSchemes.utf8(password);
        try {
            PasswdEntry entry = users().get(name);
            if (entry == null) {
                dummyCheck(secret);
                AUTH_LOG.debug("passwd-file({},{}): unknown user", name, address(client));
                return Optional.empty();
            }
            StoredPassword stored = StoredPassword.parse(entry.password(), readScheme());
            if (stored == null) {
                dummyCheck(secret);
                AUTH_LOG.info("passwd-file({},{}): empty password field", name, address(client));
                return Optional.empty();
            }
            if (!matches(name, stored, secret, client)) {
                return Optional.empty();
            }
            // Restrictions are checked after the password, as in Dovecot, so that they tell
            // nothing to someone who does not know it.
            if (!LoginRestrictions.allows(name, entry.fields(), client)) {
                return Optional.empty();
            }
            return Optional.of(toUser(entry));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private boolean matches(String name, StoredPassword stored, byte[] secret, InetAddress client) {
        try {
            if (SchemeTable.verify(stored.scheme(), stored.data(), secret, new Scheme.Params(name, 0))) {
                return true;
            }
            AUTH_LOG.debug("passwd-file({},{}): Password mismatch", name, address(client));
        } catch (SchemeException e) {
            if (warned.add(stored.scheme() + ": " + e.getMessage())) {
                AUTH_LOG.warn("passwd-file({},{}): cannot check the {} password: {}", name, address(client),
                        stored.scheme(), e.getMessage());
            } else {
                AUTH_LOG.debug("passwd-file({},{}): cannot check the {} password: {}", name, address(client),
                        stored.scheme(), e.getMessage());
            }
        }
        return false;
    }

    @Override
    public Optional<String> credentials(String name, String scheme) throws DirectoryException {
        if (name == null || scheme == null) {
            return Optional.empty();
        }
        PasswdEntry entry = users().get(name);
        if (entry == null) {
            return Optional.empty();
        }
        StoredPassword stored = StoredPassword.parse(entry.password(), readScheme());
        // A credential lookup has no client address: allow_nets only passes with 'local'.
        if (stored == null || !LoginRestrictions.allows(name, entry.fields(), null)) {
            return Optional.empty();
        }
        return Credentials.of(name, stored, scheme);
    }

    /** Spends the time of a real check, so that unknown users cannot be told from wrong passwords. */
    private void dummyCheck(byte[] secret) {
        StoredPassword dummy = dummies.computeIfAbsent(DovecotPasswordSchemes.defaultScheme(params),
                s -> new StoredPassword(s, SchemeTable.generate(s, new byte[] {'x'}, Scheme.Params.NONE)));
        try {
            SchemeTable.verify(dummy.scheme(), dummy.data(), secret, Scheme.Params.NONE);
        } catch (SchemeException e) {
            // cannot happen for a value just generated; the time is spent either way
        }
    }

    private static String address(InetAddress client) {
        return client == null ? "?" : client.getHostAddress();
    }

    @Override
    public User add(String name, char[] password) throws DirectoryException {
        checkName(name);
        String hash = hash(name, password);
        Path home = mailHome(name);
        String homeText = home.toString();
        if (homeText.indexOf(':') >= 0 || homeText.indexOf('\n') >= 0) {
            throw new DirectoryException("home directory " + homeText + " cannot be written to a passwd-file");
        }
        // user:password:uid:gid:gecos:home:shell:extra_fields, uid/gid left to the mail_uid default
        String line = PasswdLineParser.raw(String.join(":", name, hash, "", "", "", homeText, "", ""));
        PasswdFileEditor.edit(passwdFile(), lines -> {
            if (indexOf(lines, name) >= 0) {
                throw new DirectoryException("user " + name + " already exists");
            }
            lines.add(line);
            return null;
        });
        cache.invalidate();
        LOG.info("passwd-file: added user {}", name);
        return new User(name, -1, -1, home, Map.of());
    }

    @Override
    public boolean remove(String name) throws DirectoryException {
        if (name == null) {
            return false;
        }
        boolean removed = PasswdFileEditor.edit(passwdFile(), lines -> {
            String raw = PasswdLineParser.raw(name);
            return lines.removeIf(l -> PasswdLineParser.isUserLine(l) && PasswdLineParser.rawName(l).equals(raw));
        });
        cache.invalidate();
        if (removed) {
            LOG.info("passwd-file: removed user {}", name);
        }
        return removed;
    }

    @Override
    public boolean setPassword(String name, char[] password) throws DirectoryException {
        if (name == null) {
            return false;
        }
        String hash = hash(name, password);
        boolean found = PasswdFileEditor.edit(passwdFile(), lines -> {
            int i = indexOf(lines, name);
            if (i < 0) {
                return false;
            }
            // Only the first entry counts, for Dovecot as for us.
            lines.set(i, replacePassword(lines.get(i), PasswdLineParser.raw(hash)));
            return true;
        });
        cache.invalidate();
        if (found) {
            LOG.info("passwd-file: changed the password of user {}", name);
        }
        return found;
    }

    /** The index of the first user line for {@code name}, or -1. */
    private static int indexOf(List<String> lines, String name) {
        String raw = PasswdLineParser.raw(name);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (PasswdLineParser.isUserLine(l) && PasswdLineParser.rawName(l).equals(raw)) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces the second field of a raw line and keeps everything else, CR included. */
    static String replacePassword(String line, String hash) {
        boolean cr = line.endsWith("\r");
        String l = cr ? line.substring(0, line.length() - 1) : line;
        int c1 = l.indexOf(':');
        String updated;
        if (c1 < 0) {
            updated = l + ":" + hash;
        } else {
            int c2 = l.indexOf(':', c1 + 1);
            updated = l.substring(0, c1 + 1) + hash + (c2 < 0 ? "" : l.substring(c2));
        }
        return cr ? updated + "\r" : updated;
    }

    private Map<String, PasswdEntry> users() throws DirectoryException {
        Path file = passwdFile();
        try {
            return cache.users(file);
        } catch (IOException e) {
            throw new DirectoryException("cannot read passwd-file " + file + ": " + e, e);
        }
    }

    private User toUser(PasswdEntry e) throws DirectoryException {
        return UserMapping.toUser(e, params.home(), this::mailHome);
    }

    private Path passwdFile() {
        return params.getPath("passwd_file").orElseGet(() -> params.getPath("data_directory")
                .orElseGet(() -> params.home().resolve("data")).resolve("passwd"));
    }

    private Path mailHome(String name) throws DirectoryException {
        String template = params.get("mail_home")
                .orElseGet(() -> params.get("data_directory", "data") + "/home/%u");
        try {
            return HomeTemplate.expand(template, name, params.home());
        } catch (IllegalArgumentException e) {
            throw new DirectoryException("mail_home " + template + ": " + e.getMessage(), e);
        }
    }

    private static void checkName(String name) throws DirectoryException {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new DirectoryException("invalid user name '" + name
                    + "': use 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** The scheme a prefix-less stored value is read in. */
    private String readScheme() {
        return params.get(DovecotPasswordSchemes.DEFAULT_PASS_SCHEME).orElse("CRYPT");
    }

    private String hash(String name, char[] password) throws DirectoryException {
        if (password == null || password.length == 0) {
            throw new DirectoryException("empty password");
        }
        String scheme = DovecotPasswordSchemes.defaultScheme(params);
        byte[] secret = DovecotPasswordSchemes.utf8(password);
        try {
            String hash = "{" + scheme + "}" + SchemeTable.generate(scheme, secret, new Scheme.Params(name, 0));
            if (hash.indexOf(':') >= 0 || hash.indexOf('\n') >= 0 || hash.indexOf('\r') >= 0) {
                // only plaintext schemes can produce these, and they would break the line apart
                throw new DirectoryException("a " + scheme + " password cannot contain ':' or line breaks");
            }
            return hash;
        } catch (IllegalArgumentException e) {
            throw new DirectoryException(scheme + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
