package io.tegami.imap.search;

import java.time.ZoneId;

import io.tegami.imap.message.SearchEvaluator;
import io.tegami.imap.message.SearchKey;
import io.tegami.imap.message.SearchMessage;

/** {@link SearchEngine} over the message package's {@link SearchEvaluator}. */
public final class EvaluatorSearchEngine implements SearchEngine {

    private final ZoneId zone;

    /** @param zone the server's time zone, for dates compared on internal dates */
    public EvaluatorSearchEngine(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Matcher compile(SearchKey key, long maxSequence, long maxUid) {
        SearchEvaluator evaluator = new SearchEvaluator(key, maxSequence, maxUid, zone);
        return (sequence, info, content) -> evaluator.matches(new SearchMessage(sequence, info, content));
    }
}
