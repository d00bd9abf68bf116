package io.tegami.imap.search;

import java.io.IOException;

import io.tegami.api.store.MessageInfo;
import io.tegami.imap.message.MessageSource;
import io.tegami.imap.message.SearchKey;

/**
 * Evaluates SEARCH keys. The SEARCH plumbing depends on this interface only;
 * {@link EvaluatorSearchEngine} implements it with the message package's evaluator.
 */
public interface SearchEngine {

    /**
     * Prepares a key for one mailbox state.
     *
     * @param maxSequence the number of messages ({@code *} as a sequence number)
     * @param maxUid the highest UID ({@code *} as a UID)
     */
    Matcher compile(SearchKey key, long maxSequence, long maxUid);

    /** A prepared key. */
    interface Matcher {

        /** Whether one message matches; reads its content only if a key needs it. */
        boolean matches(long sequence, MessageInfo info, MessageSource content) throws IOException;
    }
}
