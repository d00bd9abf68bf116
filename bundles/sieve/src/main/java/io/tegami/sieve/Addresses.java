package io.tegami.sieve;

import io.tegami.api.sieve.SieveAddressPart;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/** Address extraction for {@code address} and {@code envelope}: parse, then select a part. */
final class Addresses {

    private Addresses() {
    }

    /** The selected part of every mailbox in the values (groups flattened); parts that are null are left out. */
    static List<String> parts(List<String> values, SieveAddressPart part) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            for (Mailbox m : LenientAddressParser.DEFAULT.parseAddressList(value).flatten()) {
                String local = m.getLocalPart() == null ? "" : m.getLocalPart();
                String domain = m.getDomain() == null ? "" : m.getDomain();
                String p = part.part(local, domain);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Whether the text is one plain mailbox address ({@code local@domain}), as redirect requires. */
    static boolean isAddress(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>')) {
            return false;
        }
        return true;
    }
}
