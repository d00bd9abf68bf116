package io.tegami.api.store;

import java.util.List;

/**
 * The outcome of {@link Mailbox#updateFlags}.
 *
 * @param updated the new state of every message of the set that exists and was not refused, in
 *        UID order, whether or not its flags changed (a message whose flags changed has a new
 *        {@link MessageInfo#modSeq()})
 * @param refused the UIDs left alone because their modification sequence was above
 *        {@code unchangedSince} (the RFC 7162 {@code [MODIFIED ...]} set), ascending
 */
public record FlagUpdate(List<MessageInfo> updated, List<Long> refused) {

    public FlagUpdate {
        updated = List.copyOf(updated);
        refused = List.copyOf(refused);
    }
}
