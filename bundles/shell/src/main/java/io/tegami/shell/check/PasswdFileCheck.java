package io.tegami.shell.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks Dovecot's passwd-file ({@code user:password:uid:gid:gecos:home:shell:extra}) with
 * Dovecot's own complaints ({@code passwd-file FILE: User NAME exists more than once}).
 */
final class PasswdFileCheck {

    private PasswdFileCheck() {
    }

    static void check(Path file, Findings findings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            findings.warning("passwd-file " + file + ": No such file or directory (no users yet: tegami-ctl useradd)");
            return;
        } catch (IOException e) {
            findings.error("passwd-file " + file + ": " + e.getMessage());
            return;
        }
        Set<String> users = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            String user = f[0];
            if (user.isBlank()) {
                findings.warning("passwd-file " + file + ", line " + (i + 1) + ": missing user name");
                continue;
            }
            if (!users.add(user)) {
                findings.warning("passwd-file " + file + ": User " + user + " exists more than once");
            }
            numeric(file, user, "UID", f, 2, findings);
            numeric(file, user, "GID", f, 3, findings);
        }
    }

    private static void numeric(Path file, String user, String what, String[] f, int i, Findings findings) {
        if (i < f.length && !f[i].isEmpty() && !f[i].matches("\\d+")) {
            findings.warning("passwd-file " + file + ": User " + user + " has invalid " + what + " '" + f[i] + "'");
        }
    }
}
