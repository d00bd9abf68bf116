package io.tegami.api.sieve;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The message a script examines. Implementations read it lazily: the header once, the body only
 * when a test (such as {@code body}) asks for it, streamed.
 */
@ConsumerType
public interface SieveMessage {

    /**
     * The raw values of every header field with this name (case-insensitive), in message order,
     * unfolded (CRLF before whitespace removed), without the name and colon, leading whitespace
     * trimmed, still RFC 2047-encoded. Empty when the field is absent.
     */
    List<String> header(String name) throws IOException;

    /** The size of the whole message in octets, as the {@code size} test compares it. */
    long size() throws IOException;

    /** A fresh stream over the body (after the blank line), raw octets; the caller closes it. */
    InputStream body() throws IOException;
}
