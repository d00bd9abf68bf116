package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a stored message from its first byte, as often as asked: the parsed structure keeps
 * offsets, never content, so every section read opens the message again. Streams with LF or CRLF
 * line endings are both fine ({@link CrlfInputStream} makes them CRLF). The caller closes each
 * stream it gets.
 */
@FunctionalInterface
public interface MessageSource {

    /** A fresh stream over the whole message. */
    InputStream open() throws IOException;
}
