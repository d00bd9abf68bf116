package io.tegami.policy.rbl;

import java.net.InetAddress;
import java.util.List;

/**
 * What a DNS list said about one name: listed (with its A answers and TXT reason), not listed, or
 * no answer (a timeout or server failure, which every DNS list restriction treats as not listed).
 *
 * @param status the outcome
 * @param addresses the A records, when listed
 * @param reason the TXT records joined with {@code " / "} (at most 500 characters, as Postfix
 *        keeps them), or {@code ""}
 */
record Listing(Status status, List<InetAddress> addresses, String reason) {

    enum Status { LISTED, NOT_LISTED, ERROR }

    static final Listing NOT_LISTED = new Listing(Status.NOT_LISTED, List.of(), "");
    static final Listing ERROR = new Listing(Status.ERROR, List.of(), "");

    Listing {
        addresses = List.copyOf(addresses);
    }

    boolean listed() {
        return status == Status.LISTED;
    }
}
