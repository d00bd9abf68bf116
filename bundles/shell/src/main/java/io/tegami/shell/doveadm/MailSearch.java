package io.tegami.shell.doveadm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;

/**
 * Runs a search query over a user's mail as doveadm's mail iterator does: every selectable
 * mailbox the query can match (its {@code MAILBOX} keys narrow them), each opened once, its
 * messages tested in UID order. A failure in one mailbox is recorded and the next one is tried.
 */
final class MailSearch {

    /** What a command does with the matches. */
    interface Visitor {

        /** One matching message, in UID order. */
        default void message(MessageView m) throws IOException, StoreException {
        }

        /** After the last message of a mailbox, with the UIDs that matched (ascending). */
        default void mailboxDone(Mailbox box, List<Long> uids) throws StoreException {
        }
    }

    private MailSearch() {
    }

    /** A message expunged by another session while we read it simply does not match. */
    private static boolean matches(SearchKey query, MessageView m) throws IOException, StoreException {
        try {
            return query.matches(m);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /**
     * @param readOnly whether the mailboxes are opened read-only (search, fetch) or not (expunge)
     * @param missing what a named mailbox that does not exist is reported as ({@code Syncing
     *        mailbox '%s' failed}), or null to skip it silently as {@code doveadm fetch} does
     */
    static void run(MailboxSession session, SearchKey query, boolean readOnly, String missing, MailErrors errors,
            Visitor visitor) {
        List<String> names = new ArrayList<>();
        Set<String> literals = new LinkedHashSet<>(SearchQuery.literalMailboxes(query));
        try {
            for (MailboxInfo info : session.list()) {
                literals.remove(info.name());
                if (info.selectable() && SearchQuery.mailboxCanMatch(query, info.name(), session.delimiter())) {
                    names.add(info.name());
                }
            }
        } catch (StoreException e) {
            errors.add(MailErrors.exitCode(e), "Listing mailboxes failed: " + e.getMessage());
            return;
        }
        if (missing != null) {
            for (String name : literals) {
                errors.add(DoveadmException.EX_NOTFOUND, String.format(missing, name) + ": Mailbox doesn't exist: " + name);
            }
        }
        for (String name : names) {
            try (Mailbox box = session.open(name, readOnly)) {
                List<MessageInfo> messages = box.messages();
                long lastUid = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).uid();
                List<Long> matched = new ArrayList<>();
                for (int i = 0; i < messages.size(); i++) {
                    MessageView m = new MessageView(box, messages.get(i), i + 1, messages.size(), lastUid,
                            session.delimiter());
                    if (matches(query, m)) {
                        matched.add(m.info().uid());
                        visitor.message(m);
                    }
                }
                visitor.mailboxDone(box, matched);
            } catch (StoreException e) {
                if (missing != null || e.reason() != StoreException.Reason.NOT_FOUND) {
                    errors.add(MailErrors.exitCode(e), String.format(missing == null ? "Mailbox %s" : missing, name)
                            + ": " + MailErrors.text(e, name));
                }
            } catch (IOException e) {
                errors.add(DoveadmException.EX_TEMPFAIL, "Mailbox " + name + ": read failed: " + e.getMessage());
            }
        }
    }
}
