package io.tegami.imap.message;

import java.util.Objects;

/**
 * One Content-Type or Content-Disposition parameter as BODYSTRUCTURE lists it: the name as
 * written and the value unquoted. RFC 2231 continuations are joined; an extended (charset-tagged)
 * value keeps its RFC 2231 form under the name with {@code *} ({@code filename*} =
 * {@code utf-8''%E2%82%AC.txt}) for the client to decode.
 */
public record MimeParam(String name, String value) {

    public MimeParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
