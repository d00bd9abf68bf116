package io.tegami.shell.queue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who submits with {@code sendmail}: the user Tegami runs as. The admin socket is readable by that
 * user only, so whoever runs {@code tegami-ctl sendmail} is that user too.
 *
 * @param name the login name ({@code user.name})
 * @param uid the numeric user id, or -1 where the platform does not tell
 */
record ProcessUser(String name, long uid) {

    static ProcessUser current() {
        return new ProcessUser(System.getProperty("user.name", "root"), currentUid());
    }

    private static long currentUid() {
        for (Path p : new Path[] {Path.of("/proc/self"), Path.of(System.getProperty("user.home", "/"))}) {
            try {
                Object uid = Files.getAttribute(p, "unix:uid");
                if (uid instanceof Number n) {
                    return n.longValue();
                }
            } catch (Exception e) {
                // not Linux, or no unix attribute view: try the next, then give up
            }
        }
        return -1;
    }
}
