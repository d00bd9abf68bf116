package io.tegami.imap.command;

import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.StoreException;
import io.tegami.imap.message.SearchKey;
import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.imap.search.SearchParser;
import io.tegami.imap.search.SearchRequest;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.ImapSession.Extension;
import io.tegami.imap.session.SelectedMailbox;

/**
 * SEARCH and UID SEARCH (RFC 3501 6.4.4), with ESEARCH's RETURN options (RFC 4731) and RFC 7162's
 * MODSEQ key and result. The evaluation itself is the search engine's (the message package).
 */
public final class SearchCommand implements ImapCommand {

    private final boolean byUid;

    private SearchCommand(boolean byUid) {
        this.byUid = byUid;
    }

    public static SearchCommand search() {
        return new SearchCommand(false);
    }

    public static SearchCommand uidSearch() {
        return new SearchCommand(true);
    }

    @Override
    public String name() {
        return byUid ? "UID SEARCH" : "SEARCH";
    }

    @Override
    public boolean holdsExpunges() {
        return true;
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, StoreException {
        var r = request.args();
        SelectedMailbox selected = session.selected();
        r.sp();
        SearchRequest search;
        try {
            search = SearchParser.parse(r);
        } catch (UnsupportedCharsetException e) {
            return Result.no("[BADCHARSET (US-ASCII UTF-8)] Unsupported charset.");
        }
        r.end();
        if (search.extended() && search.returnOptions().contains("SAVE")) {
            throw new ParseException("SAVE is not supported.");
        }
        boolean modseq = hasModSeq(search.key());
        if (modseq) {
            session.enable(Extension.CONDSTORE);
        }
        List<Long> found = new ArrayList<>();
        long highestModSeq = 0;
        for (int seq : Matches.of(session, search.key())) {
            long uid = selected.uidAt(seq);
            found.add(byUid ? uid : seq);
            highestModSeq = Math.max(highestModSeq, selected.info(uid).modSeq());
        }
        if (!search.extended()) {
            StringBuilder sb = new StringBuilder("SEARCH");
            for (long n : found) {
                sb.append(' ').append(n);
            }
            if (modseq && !found.isEmpty()) {
                sb.append(" (MODSEQ ").append(highestModSeq).append(')');
            }
            session.out().untagged(sb.toString());
        } else {
            session.out().untagged(esearch(request.tag(), search, found, modseq ? highestModSeq : 0));
        }
        return Result.ok("Search completed.");
    }

    /** {@code ESEARCH (TAG "a") UID MIN 1 MAX 9 COUNT 3 ALL 1,5,9}, without the {@code * }. */
    private String esearch(String tag, SearchRequest search, List<Long> found, long highestModSeq) {
        StringBuilder sb = new StringBuilder("ESEARCH (TAG ").append(ImapStrings.quote(tag)).append(')');
        if (byUid) {
            sb.append(" UID");
        }
        var options = search.returnOptions().isEmpty() ? List.of("ALL") : search.returnOptions();
        if (!found.isEmpty()) {
            if (options.contains("MIN")) {
                sb.append(" MIN ").append(found.get(0));
            }
            if (options.contains("MAX")) {
                sb.append(" MAX ").append(found.get(found.size() - 1));
            }
        }
        if (options.contains("COUNT")) {
            sb.append(" COUNT ").append(found.size());
        }
        if (!found.isEmpty() && options.contains("ALL")) {
            sb.append(" ALL ").append(SequenceSet.format(found));
        }
        if (highestModSeq > 0 && !found.isEmpty()) {
            sb.append(" MODSEQ ").append(highestModSeq);
        }
        return sb.toString();
    }

    static boolean hasModSeq(SearchKey key) {
        if (key instanceof SearchKey.ModSeq) {
            return true;
        } else if (key instanceof SearchKey.Not n) {
            return hasModSeq(n.key());
        } else if (key instanceof SearchKey.Or o) {
            return hasModSeq(o.left()) || hasModSeq(o.right());
        } else if (key instanceof SearchKey.And a) {
            return a.keys().stream().anyMatch(SearchCommand::hasModSeq);
        }
        return false;
    }
}
