package io.tegami.imap.search;

import java.util.Set;

import io.tegami.imap.message.SearchKey;

/**
 * A parsed SEARCH.
 *
 * @param key the keys, ANDed
 * @param returnOptions RFC 4731 {@code RETURN (...)} options in upper case ({@code MIN MAX ALL
 *        COUNT SAVE}); null for a plain SEARCH (an untagged {@code SEARCH} response), empty
 *        for {@code RETURN ()}, which means {@code ALL}
 */
public record SearchRequest(SearchKey key, Set<String> returnOptions) {

    /** True when the answer is an ESEARCH response. */
    public boolean extended() {
        return returnOptions != null;
    }
}
