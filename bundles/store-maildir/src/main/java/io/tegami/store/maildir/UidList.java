package io.tegami.store.maildir;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The content of a {@code dovecot-uidlist} file: UIDVALIDITY, the next UID, the mailbox GUID and
 * the UID of each message's base file name. Header fields and per-record extension fields this
 * store does not use are kept verbatim so that a rewrite loses nothing Dovecot wrote.
 *
 * @param version the format version read (1 or 3); always written as 3
 * @param uidValidity the IMAP UIDVALIDITY
 * @param nextUid the UID the next new message gets
 * @param guid the 128-bit mailbox GUID in hex (Dovecot's G field)
 * @param headerExtra other header fields, space-separated, or empty
 * @param records the messages in ascending UID order
 */
record UidList(int version, long uidValidity, long nextUid, String guid, String headerExtra, List<Record> records) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One message line: {@code <uid> [<key><value> ...] :<base filename>}.
     *
     * @param uid the message's UID
     * @param extensions the extension fields as written ({@code W2481}), or empty
     * @param base the base file name (up to the ':' of the info part)
     */
    record Record(long uid, String extensions, String base) {
        Record {
            Objects.requireNonNull(extensions, "extensions");
            Objects.requireNonNull(base, "base");
        }
    }

    UidList {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(headerExtra, "headerExtra");
        records = List.copyOf(records);
    }

    /** A new, empty list with a fresh GUID. */
    static UidList create(long uidValidity) {
        return new UidList(3, uidValidity, 1, newGuid(), "", List.of());
    }

    /** This list in the current format: version 3 with a mailbox GUID (version 1 lists have none). */
    UidList upgraded() {
        return version == 3 && !guid.isEmpty() ? this
                : new UidList(3, uidValidity, nextUid, guid.isEmpty() ? newGuid() : guid, headerExtra, records);
    }

    private static String newGuid() {
        byte[] guid = new byte[16];
        RANDOM.nextBytes(guid);
        return HexFormat.of().formatHex(guid);
    }

    /** This list with other records; the next UID never goes down. */
    UidList withRecords(List<Record> newRecords, long newNextUid) {
        long next = Math.max(nextUid, newNextUid);
        for (Record r : newRecords) {
            next = Math.max(next, r.uid() + 1);
        }
        return new UidList(3, uidValidity, next, guid, headerExtra, newRecords);
    }

    /** This list plus one record with the next UID. */
    UidList append(String base) {
        return appendAll(List.of(base));
    }

    /** This list plus records for {@code bases}, with the next UIDs in order. */
    UidList appendAll(List<String> bases) {
        List<Record> more = new ArrayList<>(records.size() + bases.size());
        more.addAll(records);
        long uid = nextUid;
        for (String base : bases) {
            more.add(new Record(uid++, "", base));
        }
        return withRecords(more, uid);
    }
}
