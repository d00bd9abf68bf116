package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;

/**
 * The LIST view of a folder tree: every folder, plus each missing parent level as a
 * {@code \Noselect} placeholder (as Dovecot shows {@code A} when only {@code .A.B} exists),
 * {@code \HasChildren} / {@code \HasNoChildren} on all, and special-use attributes.
 */
final class FolderLister {

    private FolderLister() {
    }

    /**
     * @param folders INBOX and the folders that exist on disk
     * @param specialUse configured special-use names ({@code mailbox_special_use}), or empty
     */
    static List<MailboxInfo> list(List<String> folders, Map<String, String> specialUse) {
        Set<String> real = new HashSet<>(folders);
        Set<String> all = new TreeSet<>(folders);
        for (String f : folders) {
            all.addAll(MailboxNames.parents(f));
        }
        Set<String> parents = new HashSet<>();
        for (String n : all) {
            parents.addAll(MailboxNames.parents(n));
        }
        List<MailboxInfo> out = new ArrayList<>(all.size());
        List<String> ordered = new ArrayList<>(all);
        ordered.remove(MailboxSession.INBOX);
        ordered.add(0, MailboxSession.INBOX);
        for (String n : ordered) {
            Set<String> attrs = new LinkedHashSet<>();
            if (!real.contains(n)) {
                attrs.add(MailboxAttributes.NOSELECT);
            }
            attrs.add(parents.contains(n) ? MailboxAttributes.HAS_CHILDREN : MailboxAttributes.HAS_NO_CHILDREN);
            if (real.contains(n)) {
                String use = MailboxAttributes.specialUse(n, MailboxNames.DELIMITER, specialUse);
                if (use != null) {
                    attrs.add(use);
                }
            }
            out.add(new MailboxInfo(n, attrs));
        }
        return out;
    }
}
