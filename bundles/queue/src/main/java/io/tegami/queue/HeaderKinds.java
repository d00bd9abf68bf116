package io.tegami.queue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.rewrite.AddressClass;

/**
 * Postfix's header table (header_opts.c) as far as cleanup needs it: which headers hold sender or
 * recipient addresses, and which are {@code Resent-} headers (their presence makes cleanup add
 * missing {@code Resent-} headers instead of the plain ones).
 */
final class HeaderKinds {

    private static final Map<String, AddressClass> ADDRESSES = Map.ofEntries(
            Map.entry("apparently-to", AddressClass.HEADER_RECIPIENT),
            Map.entry("bcc", AddressClass.HEADER_RECIPIENT),
            Map.entry("cc", AddressClass.HEADER_RECIPIENT),
            Map.entry("disposition-notification-to", AddressClass.HEADER_SENDER),
            Map.entry("errors-to", AddressClass.HEADER_SENDER),
            Map.entry("from", AddressClass.HEADER_SENDER),
            Map.entry("mail-followup-to", AddressClass.HEADER_SENDER),
            Map.entry("reply-to", AddressClass.HEADER_SENDER),
            Map.entry("resent-bcc", AddressClass.HEADER_RECIPIENT),
            Map.entry("resent-cc", AddressClass.HEADER_RECIPIENT),
            Map.entry("resent-from", AddressClass.HEADER_SENDER),
            Map.entry("resent-reply-to", AddressClass.HEADER_RECIPIENT),
            Map.entry("resent-sender", AddressClass.HEADER_SENDER),
            Map.entry("resent-to", AddressClass.HEADER_RECIPIENT),
            Map.entry("return-path", AddressClass.HEADER_SENDER),
            Map.entry("return-receipt-to", AddressClass.HEADER_SENDER),
            Map.entry("sender", AddressClass.HEADER_SENDER),
            Map.entry("to", AddressClass.HEADER_RECIPIENT));

    private static final java.util.Set<String> RESENT = java.util.Set.of("resent-bcc", "resent-cc", "resent-date",
            "resent-from", "resent-message-id", "resent-reply-to", "resent-sender", "resent-to");

    private HeaderKinds() {
    }

    /** The address class of a header's addresses, if it holds addresses. */
    static Optional<AddressClass> addressClass(String lowerName) {
        return Optional.ofNullable(ADDRESSES.get(lowerName));
    }

    /** True for the {@code Resent-} headers Postfix knows (HDR_OPT_RR). */
    static boolean isResent(String lowerName) {
        return RESENT.contains(lowerName);
    }

    /**
     * The length of the field name of a header line ({@code name:}, printable ASCII without
     * spaces, optional blanks before the colon, as Postfix's is_header()), or -1 if the line does
     * not start a header field.
     */
    static int nameLength(byte[] line, int length) {
        int i = 0;
        while (i < length && line[i] > ' ' && line[i] < 127 && line[i] != ':') {
            i++;
        }
        if (i == 0) {
            return -1;
        }
        int name = i;
        while (i < length && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i < length && line[i] == ':' ? name : -1;
    }

    static String lowerName(byte[] line, int nameLength) {
        return new String(line, 0, nameLength, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
    }
}
