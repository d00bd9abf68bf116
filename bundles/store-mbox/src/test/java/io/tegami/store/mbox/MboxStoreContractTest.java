package io.tegami.store.mbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.contract.MailStoreContract;
import io.tegami.api.user.User;

/** The shared store contract, run against the mbox store with INBOX in a spool directory. */
class MboxStoreContractTest extends MailStoreContract {

    private Path spool;

    @Override
    protected MailStore createStore(Path base) {
        spool = base.resolve("spool/mail");
        MapMailParameters params = MapMailParameters.of(base, "mail_location", "maildir:~/Maildir",
                "mail_spool_directory", spool.toString());
        return new MboxStore(params, new MboxLock.Settings(Duration.ofSeconds(30), DotLock.STALE));
    }

    @Override
    protected void disposeStore(MailStore s) {
        ((MboxStore) s).deactivate();
    }

    private Path file(User user, String mailbox) {
        return mailbox.equalsIgnoreCase("INBOX") ? spool.resolve(user.name())
                : user.home().resolve("mail").resolve(mailbox);
    }

    /**
     * In Dovecot's mbox layout a name is a file (mail) or a directory (children), never both, so
     * {@code CREATE Old/Sub} under a folder {@code Old} that holds mail is refused with
     * NOT_ALLOWED, as Dovecot refuses it; the contract then renames a parent level instead.
     */
    @Override
    public boolean foldersHoldMailAndChildren() {
        return false;
    }

    /** Appends as Postfix local does: From_ line, quoted body, empty line; no X-UID. */
    @Override
    public boolean addExternally(User user, String mailbox, String message) throws Exception {
        String body = message.replaceAll("(?m)^(>*From )", ">$1");
        String entry = "From someone@example.org  Mon Jan  6 10:00:00 2025\n" + body + (body.endsWith("\n") ? "" : "\n") + "\n";
        Files.writeString(file(user, mailbox), entry, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return true;
    }

    /** Garbles X-IMAPbase, as a bad edit could. */
    @Override
    public boolean damageIndex(User user, String mailbox) throws Exception {
        Path f = file(user, mailbox);
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        String damaged = text.replaceFirst("X-IMAPbase: \\S+", "X-IMAPbase: garbage");
        if (damaged.equals(text)) {
            throw new AssertionError("no X-IMAPbase to damage in " + text);
        }
        Files.writeString(f, damaged, StandardCharsets.ISO_8859_1);
        return true;
    }
}
