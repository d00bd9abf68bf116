package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import io.tegami.api.store.MailLocation;
import io.tegami.api.config.MailParameters;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mbox mail store, file-compatible with Dovecot, Postfix local and mutt: mboxrd quoting,
 * dot-lock plus fcntl locks, UIDs and flags in Dovecot's X-IMAPbase, X-UID, Status, X-Status and
 * X-Keywords headers.
 *
 * <p>Where the mail is comes from the user's userdb {@code mail} (or {@code userdb_mail}) field,
 * else {@code mail_location} if it is an {@code mbox:} location, else
 * {@code mbox:~/mail:INBOX=<mail_spool_directory>/%u}: folders under {@code ~/mail}, INBOX in the
 * spool directory as Postfix local delivers it ({@code data/spool/mail/<user>} in the embedded
 * default, {@code /var/mail/<user>} on a classic system). Both are read at each open, so a changed
 * configuration applies to the next session.
 */
@Component(service = MailStore.class, property = MailStore.TYPE + "=mbox")
public final class MboxStore implements MailStore {

    private static final Logger LOG = LoggerFactory.getLogger(MboxStore.class);

    private final MailParameters params;
    private final FolderRegistry registry;

    @Activate
    public MboxStore(@Reference(name = "params") MailParameters params) {
        this(params, MboxLock.Settings.DEFAULT);
    }

    MboxStore(MailParameters params, MboxLock.Settings lockSettings) {
        this.params = params;
        this.registry = new FolderRegistry(ZoneId.systemDefault(), lockSettings);
    }

    @Deactivate
    void deactivate() {
        registry.closeAll("the mbox store is stopping");
    }

    @Override
    public MailboxSession open(User user) throws StoreException {
        MboxLayout layout = layout(user);
        try {
            FsSupport.createPrivateDirectories(layout.root());
        } catch (IOException e) {
            throw FsSupport.failure("creating the mail directory of " + user.name(), e);
        }
        MboxFolders folders = new MboxFolders(layout, registry,
                MailboxAttributes.parseSpecialUse(params.get("mailbox_special_use").orElse(null)));
        MboxSession session = new MboxSession(user, layout, registry, folders,
                MboxQuota.of(user, params, layout, folders, registry));
        session.createInbox();
        return session;
    }

    /** Where this user's mail is. */
    MboxLayout layout(User user) throws StoreException {
        String location = location(user);
        MailLocation loc = MailLocation.parse(location);
        if (!loc.format().equals("mbox")) {
            throw new StoreException(StoreException.Reason.IO,
                    "mail location " + location + " is not an mbox location (the " + loc.format() + " store handles it)");
        }
        if (loc.path().isEmpty()) {
            throw new StoreException(StoreException.Reason.IO, "mail location " + location + " has no path");
        }
        String layoutName = loc.options().getOrDefault("LAYOUT", "fs").toLowerCase(Locale.ROOT);
        if (!layoutName.equals("fs") || loc.options().containsKey("DIRNAME")) {
            // Writing where Dovecot would not look is worse than failing (delivery defers).
            throw new StoreException(StoreException.Reason.IO, "mail location " + location
                    + ": only Dovecot's default mbox layout (LAYOUT=fs, no DIRNAME=) is supported");
        }
        for (String key : loc.options().keySet()) {
            if (!key.equals("INBOX") && !key.equals("CONTROL") && !key.equals("LAYOUT")) {
                LOG.debug("mail_location option {} ignored", key); // INDEX=, VOLATILEDIR=, UTF8...
            }
        }
        Path base = params.home();
        Path root = MailLocation.expand(loc.path(), user, base);
        String inbox = loc.options().get("INBOX");
        String control = loc.options().get("CONTROL");
        return new MboxLayout(root,
                inbox == null || inbox.isEmpty() ? root.resolve("inbox") : MailLocation.expand(inbox, user, base),
                control == null || control.isEmpty() ? root : MailLocation.expand(control, user, base));
    }

    /** The user's own mail field, else an mbox mail_location, else mbox in ~/mail with the spool INBOX. */
    String location(User user) {
        for (String field : new String[] {"userdb_mail", "mail"}) {
            String own = user.fields().get(field);
            if (own != null && !own.isBlank()) {
                return own.strip();
            }
        }
        String configured = params.get("mail_location").orElse("").strip();
        if (configured.toLowerCase(Locale.ROOT).startsWith("mbox:")) {
            return configured;
        }
        Path spool = params.getPath("mail_spool_directory").orElse(params.home().resolve("data/spool/mail"));
        return "mbox:~/mail:INBOX=" + spool.toString().replace(":", "::") + "/%u";
    }
}
