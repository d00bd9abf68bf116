package io.tegami.store.mbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Decides UIDs and flags from the headers of a scanned mbox, with Dovecot's rules
 * (mbox-sync-parse.c), so that Tegami and Dovecot agree on every UID:
 * <ul>
 * <li>X-IMAPbase counts only in the first message; its UIDVALIDITY must be non-zero. An
 *     X-IMAPbase that is there but does not parse is damage: every message is renumbered under
 *     a new UIDVALIDITY, with a warning, and nothing else is lost.</li>
 * <li>An X-UID is trusted if it is above the previous message's and below the next UID, or is
 *     exactly the next UID (a message appended by someone who did not update X-IMAPbase). A larger
 *     one is refused: a sender could otherwise push UIDs towards 2^32. X-UID in the first message
 *     without X-IMAPbase is not trusted either.</li>
 * <li>Messages without a trusted X-UID (appended by Postfix, mutt...) get the next UIDs.</li>
 * <li>Keywords count only if X-IMAPbase lists them (X-Keywords could come from a sender).</li>
 * </ul>
 * When X-IMAPbase is missing but the file is the one we knew (same inode; mutt deleted the first
 * message, say), the UIDVALIDITY and next UID we knew are kept, as Dovecot keeps them in its index.
 */
final class MboxSync {

    /**
     * What was known of the file before, or null.
     *
     * @param sameFile the file is the same inode as before (not replaced by another)
     */
    record Previous(long uidValidity, long uidNext, List<String> keywords, boolean sameFile) {
    }

    private MboxSync() {
    }

    /**
     * Decides the state of a scanned file.
     *
     * @param scanned the messages in file order
     * @param prev what was known before, or null
     * @param newValidity makes a new UIDVALIDITY when one is needed
     */
    static MboxState resolve(List<ScannedMessage> scanned, Previous prev, LongSupplier newValidity) {
        if (scanned.isEmpty()) {
            return prev != null && prev.sameFile()
                    ? MboxState.empty(prev.uidValidity(), prev.uidNext(), prev.keywords())
                    : MboxState.empty(newValidity.getAsLong(), 1, List.of());
        }
        ScannedMessage first = scanned.get(0);
        String rawBase = first.meta().imapBase();
        MboxHeaders.ImapBase base = rawBase == null ? null : MboxHeaders.ImapBase.parse(rawBase);
        boolean needsRewrite = false;
        boolean renumber = false;
        boolean knownFile = false;
        String damage = null;
        long validity;
        long nextUid;
        List<String> keywords;
        if (base != null) {
            validity = base.uidValidity();
            nextUid = base.uidLast() + 1;
            if (prev != null && prev.uidValidity() == validity) {
                nextUid = Math.max(nextUid, prev.uidNext());
            }
            keywords = base.keywords();
            needsRewrite = first.meta().uidLastOffset() < 0; // make it updatable in place
        } else if (rawBase == null && prev != null && prev.sameFile()) {
            validity = prev.uidValidity();
            nextUid = prev.uidNext();
            keywords = prev.keywords();
            needsRewrite = true;
            knownFile = true;
        } else {
            validity = newValidity.getAsLong();
            nextUid = 1;
            keywords = List.of();
            renumber = true;
            needsRewrite = true;
            if (rawBase != null) {
                damage = "damaged X-IMAPbase header '" + printable(rawBase) + "'";
            }
        }
        ScannedMessage pseudo = base != null && first.meta().pseudo() ? first : null;
        Set<String> known = new HashSet<>(keywords);
        List<MboxMessage> messages = new ArrayList<>(scanned.size());
        long prevUid = 0;
        for (ScannedMessage m : scanned) {
            if (m == pseudo) {
                continue;
            }
            ScannedMessage.Meta meta = m.meta();
            long uid = 0;
            long x = !renumber && meta.xUid() != null ? MboxHeaders.number(meta.xUid()) : -1;
            // Dovecot trusts no X-UID before X-IMAPbase; a file we know bounds them by our next UID.
            boolean trustedPosition = m != first || base != null || knownFile;
            if (x > 0 && trustedPosition) {
                if (x > prevUid && x < nextUid) {
                    uid = x;
                } else if (x == nextUid && x > prevUid) {
                    uid = x;
                    nextUid++;
                }
            }
            if (uid == 0) {
                uid = nextUid++;
                needsRewrite = true;
            }
            prevUid = uid;
            needsRewrite |= meta.duplicates();
            messages.add(new MboxMessage(m, uid, flags(meta, known), meta.status() != null && MboxHeaders.old(meta.status())));
        }
        return new MboxState(validity, Math.max(nextUid, prevUid + 1), keywords, messages, pseudo, needsRewrite, damage);
    }

    private static Set<String> flags(ScannedMessage.Meta meta, Set<String> known) {
        Set<String> flags = new LinkedHashSet<>();
        if (meta.status() != null) {
            MboxHeaders.parseStatus(meta.status(), flags);
        }
        if (meta.xStatus() != null) {
            MboxHeaders.parseXStatus(meta.xStatus(), flags);
        }
        if (meta.keywords() != null) {
            for (String k : MboxHeaders.words(meta.keywords())) {
                if (known.contains(k)) {
                    flags.add(k);
                }
            }
        }
        return flags;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c >= 0x7f ? '?' : c);
        }
        return out.toString().strip();
    }
}
