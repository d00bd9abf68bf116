package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.MailAddress;

/** RFC 5322 address lists as To:/Cc:/Bcc: carry them. */
class AddressListTest {

    private static List<String> parse(String value) {
        List<String> bad = new ArrayList<>();
        List<String> result = new ArrayList<>(AddressList.parse(value, "example.org", bad::add).stream()
                .map(MailAddress::toString).toList());
        bad.forEach(b -> result.add("BAD:" + b));
        return result;
    }

    @Test
    void theUsualShapes() {
        assertEquals(List.of("a@x.org"), parse("a@x.org"));
        assertEquals(List.of("a@x.org", "b@y.org"), parse("A <a@x.org>, \"B, the second\" <b@Y.ORG>"));
        assertEquals(List.of("c@x.org"), parse("c@x.org (Charlie, with a comma (nested))"));
        assertEquals(List.of("d@example.org"), parse("d"));
        assertEquals(List.of("\"john doe\"@x.org"), parse("\"john doe\"@x.org"));
        assertEquals(List.of("e@x.org", "f@x.org"), parse("team: e@x.org, F <f@x.org>; "));
        assertEquals(List.of(), parse("undisclosed-recipients:;"));
        assertEquals(List.of("g@x.org"), parse("<@a.example,@b.example:g@x.org>"));
        assertEquals(List.of("h@[192.0.2.1]"), parse("h@[192.0.2.1]"));
        assertEquals(List.of("i@x.org"), parse("i @ x.org"));
        assertEquals(List.of(), parse(" , ,"));
    }

    @Test
    void aNameWithoutAnAddressIsRejected() {
        assertEquals(List.of("BAD:Bob Smith"), parse("Bob Smith"));
    }
}
