package io.tegami.imap.command;

import io.tegami.imap.protocol.CommandReader;

/**
 * One command being run.
 *
 * @param tag the client's tag
 * @param name the command name in upper case ({@code UID FETCH} for UID commands)
 * @param args the reader, after the name; a command with arguments reads {@code sp()} first
 */
public record Request(String tag, String name, CommandReader args) {

    /** True for the UID forms. */
    public boolean byUid() {
        return name.startsWith("UID ");
    }
}
