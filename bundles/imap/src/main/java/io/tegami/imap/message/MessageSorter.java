package io.tegami.imap.message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SORT (RFC 5256 3, with RFC 5957's DISPLAYFROM and DISPLAYTO): orders messages by the criteria in
 * turn, then by sequence number (whatever REVERSE says). Strings compare with i;ascii-casemap,
 * the display keys with i;unicode-casemap; an absent value is the empty string and sorts first.
 */
public final class MessageSorter {

    private MessageSorter() {
    }

    /** The messages in SORT order; the input is not changed. */
    public static List<MessageDescriptor> sort(List<MessageDescriptor> messages, List<SortCriterion> criteria) {
        Map<MessageDescriptor, Object[]> keys = new HashMap<>();
        for (MessageDescriptor m : messages) {
            Object[] k = new Object[criteria.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = key(m, criteria.get(i).key());
            }
            keys.put(m, k);
        }
        Comparator<MessageDescriptor> order = (a, b) -> {
            Object[] ka = keys.get(a);
            Object[] kb = keys.get(b);
            for (int i = 0; i < ka.length; i++) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                int c = ((Comparable) ka[i]).compareTo(kb[i]);
                if (c != 0) {
                    return criteria.get(i).reverse() ? -c : c;
                }
            }
            return Long.compare(a.sequence(), b.sequence());
        };
        List<MessageDescriptor> out = new ArrayList<>(messages);
        out.sort(order);
        return out;
    }

    /** The sort key of one message for one criterion (a Comparable). */
    static Comparable<?> key(MessageDescriptor m, SortCriterion.Key key) {
        return switch (key) {
            case ARRIVAL -> m.internalDate();
            case DATE -> m.sentDate();
            case SIZE -> m.size();
            case SUBJECT -> BaseSubject.of(m.subject()).key();
            case FROM -> BaseSubject.asciiUpper(firstMailbox(m.from()));
            case TO -> BaseSubject.asciiUpper(firstMailbox(m.to()));
            case CC -> BaseSubject.asciiUpper(firstMailbox(m.cc()));
            case DISPLAYFROM -> TextFolding.fold(display(m.from()));
            case DISPLAYTO -> TextFolding.fold(display(m.to()));
        };
    }

    /** addr-mailbox of the first address (not a group marker); empty if none. */
    static String firstMailbox(String value) {
        for (Address a : AddressParser.parse(value)) {
            if (a.host() != null) {
                return Address.MISSING_MAILBOX.equals(a.mailbox()) ? "" : a.mailbox();
            }
        }
        return "";
    }

    /**
     * RFC 5957: the decoded display name of the first address if there is one, else its
     * addr-spec; a group gives its name.
     */
    static String display(String value) {
        for (Address a : AddressParser.parse(value)) {
            if (a.isGroupStart()) {
                return EncodedWords.decode(a.mailbox());
            }
            if (a.isGroupEnd()) {
                continue;
            }
            if (a.name() != null) {
                String name = EncodedWords.decode(a.name()).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return a.addrSpec();
        }
        return "";
    }
}
