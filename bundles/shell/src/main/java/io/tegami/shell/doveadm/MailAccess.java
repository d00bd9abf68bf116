package io.tegami.shell.doveadm;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.store.StoreSelection;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * How doveadm's mail commands reach a user's mail: the user from the {@link UserDirectory}, the
 * store by {@link StoreSelection}'s one rule (as IMAP, POP3 and delivery choose it), then the
 * store's own {@link MailboxSession}. Every reference is optional and dynamic, so the commands
 * stay registered while a store or the directory is being updated and answer as doveadm does
 * when it cannot reach them.
 */
@Component(service = MailAccess.class)
public final class MailAccess {

    private final StoreSelection stores = new StoreSelection();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    public MailAccess() {
    }

    /** For tests. */
    MailAccess(UserDirectory directory, MailParameters parameters, String type, MailStore store) {
        this.directory = directory;
        this.parameters = parameters;
        stores.add(store, Map.of(MailStore.TYPE, type));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStore")
    void addStore(MailStore store, Map<String, Object> properties) {
        stores.add(store, properties);
    }

    void removeStore(MailStore store) {
        stores.remove(store);
    }

    /** The parameters, or null while the config bundle is away. */
    MailParameters parameters() {
        return parameters;
    }

    /**
     * Opens {@code name}'s mail.
     *
     * @throws DoveadmException as doveadm fails: {@code User doesn't exist} (67), a directory or
     *         store that cannot be reached (75)
     */
    MailboxSession open(String name) {
        UserDirectory d = directory;
        if (d == null) {
            throw DoveadmException.fatal("no user directory is available (is the users-passwdfile bundle running?)");
        }
        Optional<User> user;
        try {
            user = d.lookup(name);
        } catch (DirectoryException e) {
            throw new DoveadmException(DoveadmException.EX_TEMPFAIL,
                    MailErrors.prefix(name) + "User lookup failed: " + e.getMessage());
        }
        if (user.isEmpty()) {
            throw new DoveadmException(DoveadmException.EX_NOUSER, MailErrors.prefix(name) + "User doesn't exist");
        }
        MailParameters p = parameters;
        String type = StoreSelection.typeFor(user.get(), p);
        MailStore store = stores.store(type);
        if (store == null) {
            throw new DoveadmException(DoveadmException.EX_TEMPFAIL, MailErrors.prefix(name)
                    + "Mail storage for " + type + " is not available (is the store-" + type + " bundle running?)");
        }
        try {
            return store.open(user.get());
        } catch (StoreException e) {
            throw new DoveadmException(MailErrors.exitCode(e), MailErrors.prefix(name)
                    + "Initializing mail storage failed: " + e.getMessage());
        }
    }

    /** The store type that holds {@code name}'s mail now, for messages; null if unknown. */
    String storeType(MailboxSession session) {
        return StoreSelection.typeFor(session.user(), parameters);
    }
}
