package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeaderAddressesTest {

    @Test
    void namesAddressesGroupsAndComments() {
        assertEquals(List.of(new HeaderAddresses.Address("Bob, Jr.", "bob@example.org"),
                new HeaderAddresses.Address("", "carol@example.org"),
                new HeaderAddresses.Address("Dan", "dan@example.org"),
                new HeaderAddresses.Address("", "erin@example.org")),
                HeaderAddresses.parse("\"Bob, Jr.\" <bob@example.org>, carol@example.org (Carol (C)),"
                        + " team: Dan <@relay:dan@example.org>, erin@example.org;"));
        assertEquals(List.of(), HeaderAddresses.parse("  "));
    }
}
