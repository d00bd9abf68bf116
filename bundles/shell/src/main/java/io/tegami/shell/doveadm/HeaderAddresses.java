package io.tegami.shell.doveadm;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of an address header ({@code From}, {@code To}...) for {@code doveadm fetch
 * hdr.<name>.address} and {@code .address_name}: each mailbox as {@code local@domain}, or its
 * display name (unquoted, not decoded). Groups give their members; comments are dropped.
 */
final class HeaderAddresses {

    /** One address: its display name (maybe empty) and {@code local@domain}. */
    record Address(String name, String address) {
    }

    private HeaderAddresses() {
    }

    static List<Address> parse(String value) {
        List<Address> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    cur.append(value.charAt(++i));
                    continue;
                }
                quoted = c != '"';
                cur.append(c);
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '(') {
                comment = 1;
            } else if (c == '"') {
                quoted = true;
                cur.append(c);
            } else if (c == '<' || c == '>') {
                angle += c == '<' ? 1 : -1;
                cur.append(c);
            } else if (angle == 0 && c == ':') {
                cur.setLength(0); // a group's display name
            } else if (angle == 0 && (c == ',' || c == ';')) {
                add(out, cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        add(out, cur.toString());
        return out;
    }

    private static void add(List<Address> out, String piece) {
        String p = piece.strip();
        if (p.isEmpty()) {
            return;
        }
        int lt = p.lastIndexOf('<');
        int gt = p.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = p.substring(0, lt).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            String addr = p.substring(lt + 1, gt).strip();
            int colon = addr.lastIndexOf(':'); // an obsolete source route: @a,@b:local@domain
            out.add(new Address(name, colon >= 0 ? addr.substring(colon + 1) : addr));
        } else {
            out.add(new Address("", p.replace("\"", "")));
        }
    }
}
