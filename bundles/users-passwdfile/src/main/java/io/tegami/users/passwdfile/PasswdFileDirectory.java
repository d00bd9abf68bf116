package io.tegami.users.passwdfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * lookups and password checks for the protocols, and {@code useradd}/{@code userdel}/{@code passwd}
 * for the console. The file stays readable by Dovecot's passwd-file passdb/userdb drivers.
 */
@Component(service = {UserDirectory.class, UserAccounts.class}, property = UserDirectory.TYPE + "=passwd-file")
public final class PasswdFileDirectory implements UserDirectory, UserAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(PasswdFileDirectory.class);
    /** Names {@code useradd} accepts: safe in a path, a passwd-file field and an e-mail local part. */
    private static final Pattern VALID_NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    /**
     * Checked when the user does not exist, so that an unknown user costs as much time as a wrong
     * password (a SHA512-CRYPT of "x" with a fixed salt; the result is never used).
     */
    private static final String DUMMY_HASH = CryptHashes.sha512Crypt(new byte[] {'x'}, "tegamidummysalt0");

    private final MailParameters params;
    private final PasswdFileCache cache = new PasswdFileCache();

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
        if (name == null || password == null) {
            return Optional.empty();
        }
        byte[] secret = utf8(password);
        try {
            PasswdEntry entry = users().get(name);
            if (entry == null) {
                CryptHashes.verify(DUMMY_HASH, secret);
                return Optional.empty();
            }
            return PasswordSchemes.verify(entry.password(), secret) ? Optional.of(toUser(entry)) : Optional.empty();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public User add(String name, char[] password) throws DirectoryException {
        checkName(name);
        String hash = hash(password);
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
        String hash = hash(password);
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
        Path home;
        if (e.home().isEmpty()) {
            home = mailHome(e.name());
        } else {
            try {
                Path p = Path.of(e.home());
                home = (p.isAbsolute() ? p : params.home().resolve(p)).toAbsolutePath().normalize();
            } catch (InvalidPathException ex) {
                throw new DirectoryException("user " + e.name() + " has an invalid home " + e.home(), ex);
            }
        }
        return new User(e.name(), e.uid(), e.gid(), home, e.fields());
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

    private static String hash(char[] password) throws DirectoryException {
        if (password == null || password.length == 0) {
            throw new DirectoryException("empty password");
        }
        byte[] secret = utf8(password);
        try {
            return "{SHA512-CRYPT}" + CryptHashes.sha512Crypt(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** UTF-8 bytes of a password without an intermediate String that would linger in the heap. */
    private static byte[] utf8(char[] password) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[bb.remaining()];
        bb.get(bytes);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return bytes;
    }
}
