package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

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
 * The Maildir mail store: Maildir++ folders, {@code :2,} flags, {@code dovecot-uidlist} UIDs and
 * {@code dovecot-keywords}, so that Dovecot, mutt and Tegami can work on the same mail. Where the
 * mail is comes from {@code mail_location} (read at each open; a user's userdb {@code mail} field
 * overrides it, as in Dovecot).
 */
@Component(service = MailStore.class, property = MailStore.TYPE + "=maildir")
public final class MaildirStore implements MailStore {

    private static final Logger LOG = LoggerFactory.getLogger(MaildirStore.class);
    static final String DEFAULT_LOCATION = "maildir:~/Maildir";

    /** Special-use names by configuration ({@code Sent=\Sent, ...}); empty means the usual names. */
    static final String SPECIAL_USE = "mailbox_special_use";

    /**
     * The total messages of folders without open handles whose index stays in memory, so that
     * the next session opening them finds them warm ({@link FolderRegistry}).
     */
    static final String INDEX_CACHE = "mailbox_index_cache_messages";

    private final MailParameters params;
    private final FolderRegistry registry;

    @Activate
    public MaildirStore(@Reference(name = "params") MailParameters params) {
        this.params = params;
        this.registry = new FolderRegistry(params.getLong(INDEX_CACHE, FolderRegistry.DEFAULT_IDLE_MESSAGES));
    }

    /**
     * The bundle is stopping (or the component is replaced): every open mailbox handle is closed,
     * so IMAP and POP3 sessions end cleanly, and later calls fail with a temporary error.
     */
    @Deactivate
    void deactivate() {
        registry.shutdown();
        LOG.info("maildir store stopped; open mailboxes closed");
    }

    /** The folders with open handles (for tests). */
    FolderRegistry registry() {
        return registry;
    }

    @Override
    public MailboxSession open(User user) throws StoreException {
        if (registry.stopped()) {
            throw new StoreException(StoreException.Reason.IO, "the maildir store is stopping");
        }
        MaildirLayout layout = layout(user);
        try {
            MaildirLayout.createMaildir(layout.root(), false);
            if (!layout.inbox().equals(layout.root())) {
                MaildirLayout.createMaildir(layout.inbox(), false);
            }
            if (layout.separateControl()) {
                FsSupport.createPrivateDirectories(layout.controlRoot());
            }
        } catch (IOException e) {
            throw FsSupport.failure("creating the maildir of " + user.name() + " at " + layout.root(), e);
        }
        return new MaildirSession(user, layout, registry,
                MailboxAttributes.parseSpecialUse(params.get(SPECIAL_USE).orElse("")),
                MaildirQuota.of(user, params, layout));
    }

    /** Where this user's mail is, from the userdb's mail field or mail_location. */
    MaildirLayout layout(User user) throws StoreException {
        String location = location(user);
        MailLocation loc = MailLocation.parse(location);
        if (!loc.format().isEmpty() && !loc.format().equals("maildir")) {
            throw new StoreException(StoreException.Reason.IO,
                    "mail location " + location + " is not a maildir (the " + loc.format() + " store handles it)");
        }
        if (loc.path().isEmpty()) {
            throw new StoreException(StoreException.Reason.IO, "mail location " + location + " has no path");
        }
        String layoutName = loc.options().getOrDefault("LAYOUT", "maildir++").toLowerCase(Locale.ROOT);
        if (!layoutName.equals("maildir++")) {
            // Writing elsewhere than Dovecot would look is worse than failing (delivery defers).
            throw new StoreException(StoreException.Reason.IO, "LAYOUT=" + layoutName + " is not supported yet");
        }
        for (String key : loc.options().keySet()) {
            if (!Set.of("LAYOUT", "INBOX", "CONTROL").contains(key)) {
                LOG.debug("mail_location option {} ignored", key); // INDEX=, UTF8, VOLATILEDIR=...
            }
        }
        Path base = params.home();
        Path root = MailLocation.expand(loc.path(), user, base);
        String inbox = loc.options().get("INBOX");
        String control = loc.options().get("CONTROL");
        return new MaildirLayout(root,
                inbox == null || inbox.isEmpty() ? root : MailLocation.expand(inbox, user, base),
                control == null || control.isEmpty() ? null : MailLocation.expand(control, user, base));
    }

    private String location(User user) {
        String own = user.fields().get("userdb_mail");
        if (own == null || own.isBlank()) {
            own = user.fields().get("mail");
        }
        if (own != null && !own.isBlank()) {
            return own;
        }
        return params.get("mail_location").filter(s -> !s.isBlank()).orElse(DEFAULT_LOCATION);
    }
}
