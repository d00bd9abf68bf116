package io.tegami.api.address;

import java.nio.file.Path;
import java.util.Objects;

import io.tegami.api.mail.MailAddress;

/** Where a resolved recipient's mail goes. */
public sealed interface Destination {

    /** Another address, resolved again (a forward, a list member, a local user). */
    record Address(MailAddress address) implements Destination {
        public Address {
            Objects.requireNonNull(address, "address");
        }
    }

    /** A command that reads the message on its standard input ({@code |/usr/bin/procmail}). */
    record Command(String command) implements Destination {
        public Command {
            Objects.requireNonNull(command, "command");
        }
    }

    /** A file the message is appended to, in mbox form ({@code /var/log/mail-archive}). */
    record File(Path path) implements Destination {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }
}
