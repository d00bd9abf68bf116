package io.tegami.imap.command;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.StoreException;
import io.tegami.imap.message.MessageDescriptor;
import io.tegami.imap.message.MessageSorter;
import io.tegami.imap.message.SearchKey;
import io.tegami.imap.message.SortCriterion;
import io.tegami.imap.message.ThreadNode;
import io.tegami.imap.message.Threads;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.search.SearchParser;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.SelectedMailbox;

/**
 * SORT and THREAD (RFC 5256) with their UID forms, and SORT=DISPLAY (RFC 5957): the command
 * syntax and the messages that match; ordering and threading are the message package's.
 */
public final class SortCommand implements ImapCommand {

    private final boolean thread;
    private final boolean byUid;

    private SortCommand(boolean thread, boolean byUid) {
        this.thread = thread;
        this.byUid = byUid;
    }

    public static SortCommand sort(boolean byUid) {
        return new SortCommand(false, byUid);
    }

    public static SortCommand thread(boolean byUid) {
        return new SortCommand(true, byUid);
    }

    @Override
    public String name() {
        return (byUid ? "UID " : "") + (thread ? "THREAD" : "SORT");
    }

    @Override
    public boolean holdsExpunges() {
        return true;
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, StoreException {
        CommandReader r = request.args();
        r.sp();
        List<SortCriterion> criteria = null;
        String algorithm = null;
        if (thread) {
            algorithm = r.keyword();
            if (!algorithm.equals("ORDEREDSUBJECT") && !algorithm.equals("REFERENCES")) {
                throw new ParseException("Unknown thread algorithm " + algorithm + ".");
            }
        } else {
            criteria = criteria(r);
        }
        r.sp();
        String charsetName = r.astring();
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Result.no("[BADCHARSET (US-ASCII UTF-8)] Unsupported charset.");
        }
        r.sp();
        SearchKey key = SearchParser.keys(r, charset);
        r.end();
        SelectedMailbox selected = session.selected();
        List<MessageDescriptor> messages = new ArrayList<>();
        for (int seq : Matches.of(session, key)) {
            long uid = selected.uidAt(seq);
            try {
                messages.add(MessageDescriptor.read(seq, selected.info(uid), Matches.source(selected.mailbox(), uid)));
            } catch (IOException e) {
                // Expunged by another session meanwhile: left out.
            }
        }
        if (thread) {
            List<ThreadNode> threads = algorithm.equals("REFERENCES") ? Threads.references(messages)
                    : Threads.orderedSubject(messages);
            String data = Threads.format(threads, byUid);
            session.out().untagged(data.isEmpty() ? "THREAD" : "THREAD " + data);
            return Result.ok("Thread completed.");
        }
        StringBuilder sb = new StringBuilder("SORT");
        for (MessageDescriptor m : MessageSorter.sort(messages, criteria)) {
            sb.append(' ').append(byUid ? m.uid() : m.sequence());
        }
        session.out().untagged(sb.toString());
        return Result.ok("Sort completed.");
    }

    /** {@code (REVERSE DATE SUBJECT)}. */
    private static List<SortCriterion> criteria(CommandReader r) throws ParseException {
        r.expect('(');
        List<SortCriterion> out = new ArrayList<>();
        while (true) {
            boolean reverse = false;
            String word = r.keyword();
            if (word.equals("REVERSE")) {
                reverse = true;
                r.sp();
                word = r.keyword();
            }
            SortCriterion.Key key;
            try {
                key = SortCriterion.Key.valueOf(word);
            } catch (IllegalArgumentException e) {
                throw new ParseException("Unknown sort criterion " + word + ".");
            }
            out.add(new SortCriterion(key, reverse));
            if (out.size() > 20) {
                throw new ParseException("Too many sort criteria.");
            }
            if (r.consume(')')) {
                return out;
            }
            r.sp();
        }
    }
}
