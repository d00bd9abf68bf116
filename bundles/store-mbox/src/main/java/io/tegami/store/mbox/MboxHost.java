package io.tegami.store.mbox;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name and process id, for dotlock contents and the pseudo message. */
final class MboxHost {

    private static final String NAME = lookup();

    private MboxHost() {
    }

    static String name() {
        return NAME;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    private static String lookup() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
