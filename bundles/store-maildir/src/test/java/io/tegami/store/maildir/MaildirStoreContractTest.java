package io.tegami.store.maildir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.ModifiedUtf7;
import io.tegami.api.store.contract.MailStoreContract;
import io.tegami.api.user.User;

/** The shared store contract, run against the Maildir store. */
class MaildirStoreContractTest extends MailStoreContract {

    @Override
    protected MailStore createStore(Path base) {
        return new MaildirStore(MapMailParameters.of(base, "mail_location", "maildir:~/Maildir"));
    }

    @Override
    protected void disposeStore(MailStore s) {
        ((MaildirStore) s).deactivate();
    }

    private static Path maildir(User user, String mailbox) {
        Path root = user.home().resolve("Maildir");
        return mailbox.equalsIgnoreCase("INBOX") ? root : root.resolve("." + ModifiedUtf7.encode(mailbox));
    }

    /** As procmail or Dovecot's LDA would: write into tmp/, rename into new/. */
    @Override
    public boolean addExternally(User user, String mailbox, String message) throws Exception {
        Path dir = maildir(user, mailbox);
        String name = System.currentTimeMillis() / 1000 + ".M1P99999Q" + System.nanoTime() + ".otherhost";
        Path tmp = dir.resolve("tmp").resolve(name);
        Files.write(tmp, message.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, dir.resolve("new").resolve(name));
        return true;
    }

    @Override
    public boolean damageIndex(User user, String mailbox) throws Exception {
        Files.writeString(maildir(user, mailbox).resolve(UidListFile.NAME), "garbage\n1 :x\n");
        return true;
    }
}
