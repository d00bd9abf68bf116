package io.tegami.api.address;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.tegami.api.mail.MailAddress;

/**
 * Where a resolved recipient's mail goes: one entry of an aliases(5) value.
 *
 * <p>Since 1.1 a destination can also be a local mailbox that is not looked up again
 * ({@link Mailbox}, aliases(5)'s {@code &#92;user}) and the members of an {@code :include:} file
 * ({@link Include}), which local delivery trusts less than the admin's own alias file
 * ({@code allow_mail_to_commands}, {@code allow_mail_to_files}).
 */
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

    /**
     * A local user's mailbox, delivered to without any further aliasing ({@code &#92;user}).
     *
     * @since 1.1
     */
    record Mailbox(String user) implements Destination {
        public Mailbox {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The members of an {@code :include:/path} file, already read. Commands and files among them
     * come from a file the admin may not own, so local delivery allows them only as
     * {@code allow_mail_to_commands} and {@code allow_mail_to_files} say ({@code include}).
     *
     * @param path the included file, for logs
     * @param members its entries, in file order
     * @since 1.1
     */
    record Include(Path path, List<Destination> members) implements Destination {
        public Include {
            Objects.requireNonNull(path, "path");
            members = List.copyOf(members);
        }
    }
}
