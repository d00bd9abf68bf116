package io.tegami.imap.message;

import java.util.Objects;

/**
 * One header field: the name as written and the value from after the colon, with the CRLFs of
 * folding (see {@link #unfolded()}); RFC 2047 encoded words stay encoded (see
 * {@link EncodedWords#decode}).
 */
public record HeaderField(String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The value without the CR and LF of folding. */
    public String unfolded() {
        return HeaderText.unfold(value);
    }
}
