package io.tegami.shell.check;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import io.tegami.api.config.MailParameters;

/**
 * Checks ownership and modes as postfix-script's check-warn does, for Tegami's own tree: the
 * queue, the data directory and its {@code private/} (admin socket), {@code configs/} and the
 * users' homes must belong to the user Tegami runs as ({@code not owned by USER: PATH}) and must
 * not be writable by group or others ({@code group or other writable: PATH}); secrets (the
 * passwd-file, TLS keys) must not be readable by others either.
 */
final class PermissionCheck {

    private final String owner;
    private final Findings findings;

    /** @param owner the user Tegami runs as */
    PermissionCheck(String owner, Findings findings) {
        this.owner = owner;
        this.findings = findings;
    }

    void run(MailParameters params) {
        params.getPath("queue_directory").ifPresent(q -> {
            if (!Files.isDirectory(q)) {
                findings.error("no Postfix queue directory " + q + "!");
                return;
            }
            tree(q, 1);
        });
        params.getPath("data_directory").ifPresent(d -> {
            if (!Files.isDirectory(d)) {
                findings.error("no data directory " + d + "!");
                return;
            }
            directory(d);
            Path priv = d.resolve("private");
            if (Files.isDirectory(priv)) {
                directory(priv);
                if (groupOrOther(priv, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE)) {
                    findings.warning("group or other accessible: " + priv);
                }
            }
        });
        directory(params.home().resolve("configs"));
        params.get("mail_home").map(PermissionCheck::fixedPart).filter(s -> !s.isBlank())
                .map(s -> params.home().resolve(s).normalize())
                .filter(Files::isDirectory).ifPresent(h -> tree(h, 1));
        params.getPath("passwd_file").ifPresent(this::secret);
    }

    /** A secret file: ours, and neither writable nor readable by group or others. */
    void secret(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        file(file);
        if (groupOrOther(file, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)) {
            findings.warning("group or other readable: " + file);
        }
    }

    /** A directory and its entries down to {@code depth} levels (the queue's subdirectories, the users' homes). */
    private void tree(Path dir, int depth) {
        directory(dir);
        if (depth == 0) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    tree(e, depth - 1);
                }
            }
        } catch (IOException e) {
            findings.warning("cannot read " + dir + ": " + e.getMessage());
        }
    }

    private void directory(Path dir) {
        if (Files.isDirectory(dir)) {
            file(dir);
        }
    }

    private void file(Path path) {
        try {
            String actual = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
            if (!actual.equals(owner)) {
                findings.warning("not owned by " + owner + ": " + path);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return; // no owners on this file system: nothing to check
        }
        if (groupOrOther(path, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE)) {
            findings.warning("group or other writable: " + path);
        }
    }

    private static boolean groupOrOther(Path path, PosixFilePermission... which) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            for (PosixFilePermission p : which) {
                if (perms.contains(p)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The part of a home template before its first variable: {@code data/home/} of {@code data/home/%u}. */
    static String fixedPart(String template) {
        int cut = template.length();
        for (String v : new String[] {"%", "$"}) {
            int i = template.indexOf(v);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        String fixed = template.substring(0, cut);
        int slash = fixed.lastIndexOf('/');
        return slash < 0 ? "" : fixed.substring(0, slash + 1);
    }
}
