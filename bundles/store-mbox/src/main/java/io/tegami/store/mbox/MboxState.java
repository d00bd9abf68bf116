package io.tegami.store.mbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an mbox file holds, decided from its headers: the UID state, the keywords it defines and
 * its messages in file (and UID) order.
 *
 * @param uidValidity the UIDVALIDITY
 * @param uidNext the next UID to give out
 * @param keywords the keywords listed in X-IMAPbase, in order
 * @param messages the messages, pseudo message excluded
 * @param pseudo the folder-data pseudo message holding X-IMAP, or null
 * @param needsRewrite the headers do not say what this state says (UIDs were assigned, the header
 *        was damaged, X-IMAPbase cannot be updated in place): the file must be rewritten before
 *        anything is appended to it
 * @param damage a description of damage that was repaired by renumbering, or null
 */
record MboxState(long uidValidity, long uidNext, List<String> keywords, List<MboxMessage> messages,
        ScannedMessage pseudo, boolean needsRewrite, String damage) {

    MboxState {
        keywords = List.copyOf(keywords);
        messages = List.copyOf(messages);
    }

    /** The state of an empty file. */
    static MboxState empty(long uidValidity, long uidNext, List<String> keywords) {
        return new MboxState(uidValidity, uidNext, keywords, List.of(), null, false, null);
    }

    /** The file offset of the 10-digit last UID in X-IMAPbase (or X-IMAP), or -1. */
    long uidLastOffset() {
        ScannedMessage first = pseudo != null ? pseudo : messages.isEmpty() ? null : messages.get(0).scan();
        return first == null ? -1 : first.meta().uidLastOffset();
    }

    /** The keywords with any of {@code flags}' keywords not defined yet added at the end. */
    List<String> keywordsWith(Set<String> flags) {
        Set<String> all = new LinkedHashSet<>(keywords);
        all.addAll(MboxHeaders.keywords(flags));
        return new ArrayList<>(all);
    }
}
