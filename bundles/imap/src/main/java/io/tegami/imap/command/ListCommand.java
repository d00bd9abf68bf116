package io.tegami.imap.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxNames;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapSession;

/**
 * LIST (RFC 3501 6.3.8) with LIST-EXTENDED (RFC 5258: selection options SUBSCRIBED, REMOTE,
 * RECURSIVEMATCH, SPECIAL-USE; return options SUBSCRIBED, CHILDREN, SPECIAL-USE; several
 * patterns), LIST-STATUS (RFC 5819) and SPECIAL-USE (RFC 6154). Child and special-use attributes
 * are always given, which RFC 5258 and 6154 allow.
 */
public final class ListCommand implements ImapCommand {

    /** The order attributes are written in. */
    private static final List<String> ORDER = List.of(MailboxAttributes.NONEXISTENT, MailboxAttributes.NOSELECT,
            MailboxAttributes.HAS_CHILDREN, MailboxAttributes.HAS_NO_CHILDREN, MailboxAttributes.MARKED,
            MailboxAttributes.UNMARKED, MailboxAttributes.SUBSCRIBED, MailboxAttributes.ALL, MailboxAttributes.ARCHIVE,
            MailboxAttributes.DRAFTS, MailboxAttributes.FLAGGED, MailboxAttributes.JUNK, MailboxAttributes.SENT,
            MailboxAttributes.TRASH);

    private record Options(boolean subscribedOnly, boolean recursive, boolean specialUseOnly, boolean returnSubscribed,
            List<String> status) {
    }

    @Override
    public String name() {
        return "LIST";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException, CommandException, StoreException {
        CommandReader r = request.args();
        MailboxSession mailboxes = session.mailboxes();
        char delimiter = mailboxes.delimiter();
        r.sp();
        boolean subscribedOnly = false;
        boolean recursive = false;
        boolean specialUseOnly = false;
        boolean extended = false;
        if (r.consume('(')) {
            extended = true;
            while (!r.consume(')')) {
                String option = r.keyword();
                switch (option) {
                    case "SUBSCRIBED" -> subscribedOnly = true;
                    case "RECURSIVEMATCH" -> recursive = true;
                    case "SPECIAL-USE" -> specialUseOnly = true;
                    case "REMOTE" -> {
                    }
                    default -> throw new ParseException("Unknown LIST selection option " + option + ".");
                }
                if (r.peek() != ')') {
                    r.sp();
                }
            }
            r.sp();
            if (recursive && !subscribedOnly && !specialUseOnly) {
                throw new ParseException("RECURSIVEMATCH needs another selection option.");
            }
        }
        String reference = WireNames.decode(r.astring());
        r.sp();
        List<String> patterns = new ArrayList<>();
        if (r.consume('(')) {
            extended = true;
            while (true) {
                patterns.add(WireNames.decode(r.listMailbox()));
                if (r.consume(')')) {
                    break;
                }
                r.sp();
            }
        } else {
            patterns.add(WireNames.decode(r.listMailbox()));
        }
        boolean returnSubscribed = false;
        List<String> status = null;
        if (r.optionalSp()) {
            if (!r.consumeWord("RETURN")) {
                throw new ParseException("Expected RETURN.");
            }
            r.sp();
            r.expect('(');
            while (!r.consume(')')) {
                String option = r.keyword();
                switch (option) {
                    case "SUBSCRIBED" -> returnSubscribed = true;
                    case "CHILDREN", "SPECIAL-USE" -> {
                    }
                    case "STATUS" -> {
                        r.sp();
                        status = StatusItems.parse(r);
                    }
                    default -> throw new ParseException("Unknown LIST return option " + option + ".");
                }
                if (r.peek() != ')') {
                    r.sp();
                }
            }
        }
        r.end();
        if (!extended && patterns.get(0).isEmpty() && status == null && !returnSubscribed) {
            session.out().untagged("LIST (\\Noselect) " + ImapStrings.quote(String.valueOf(delimiter)) + " \"\"");
            return Result.ok("List completed.");
        }
        List<MailboxPattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            if (p.isEmpty()) {
                session.out().untagged("LIST (\\Noselect) " + ImapStrings.quote(String.valueOf(delimiter)) + " \"\"");
                continue;
            }
            MailboxPattern mp = MailboxPattern.of(reference, p, delimiter);
            if (mp == null) {
                throw new ParseException("Mailbox pattern too long.");
            }
            compiled.add(mp);
        }
        if (!compiled.isEmpty()) {
            list(session, compiled, new Options(subscribedOnly, recursive, specialUseOnly, returnSubscribed, status));
        }
        return Result.ok("List completed.");
    }

    private static void list(ImapSession session, List<MailboxPattern> patterns, Options o) throws StoreException {
        MailboxSession mailboxes = session.mailboxes();
        char delimiter = mailboxes.delimiter();
        Map<String, MailboxInfo> existing = new LinkedHashMap<>();
        for (MailboxInfo info : mailboxes.list()) {
            existing.put(info.name(), info);
        }
        Set<String> subscribed = new TreeSet<>();
        if (o.subscribedOnly() || o.returnSubscribed()) {
            subscribed.addAll(mailboxes.subscriptions());
        }
        // Candidates: every existing name, plus subscribed names and their parents for SUBSCRIBED.
        Set<String> names = new LinkedHashSet<>(existing.keySet());
        if (o.subscribedOnly()) {
            for (String s : subscribed) {
                names.add(s);
                names.addAll(MailboxNames.parents(s, delimiter));
            }
        }
        String quotedDelimiter = ImapStrings.quote(String.valueOf(delimiter));
        for (String name : names) {
            if (patterns.stream().noneMatch(p -> p.matches(name))) {
                continue;
            }
            MailboxInfo info = existing.get(name);
            boolean isSubscribed = subscribed.contains(name);
            boolean childSubscribed = o.recursive() && o.subscribedOnly() && hasSubscribedChild(name, subscribed, delimiter);
            if (o.subscribedOnly() && !isSubscribed && !childSubscribed) {
                continue;
            }
            Set<String> attrs = new LinkedHashSet<>();
            if (info == null) {
                attrs.add(MailboxAttributes.NONEXISTENT);
            } else {
                attrs.addAll(info.attributes());
            }
            if (o.specialUseOnly() && (info == null || info.specialUse() == null)) {
                continue;
            }
            if (isSubscribed) {
                attrs.add(MailboxAttributes.SUBSCRIBED);
            }
            StringBuilder line = new StringBuilder("LIST ").append(attributes(attrs)).append(' ').append(quotedDelimiter)
                    .append(' ').append(WireNames.astring(name));
            if (childSubscribed) {
                line.append(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
            }
            session.out().untagged(line.toString());
            if (o.status() != null && info != null && info.selectable()) {
                try {
                    session.out().untagged(StatusItems.response(mailboxes, name, o.status(), session.settings().appendLimit()));
                } catch (StoreException e) {
                    ImapLog.debug("LIST-STATUS of {} failed: {}", name, e.toString());
                }
            }
        }
    }

    private static boolean hasSubscribedChild(String name, Set<String> subscribed, char delimiter) {
        String prefix = name + delimiter;
        for (String s : subscribed) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code (\HasNoChildren \Sent)} in a fixed order. */
    static String attributes(Set<String> attrs) {
        List<String> out = new ArrayList<>();
        for (String a : ORDER) {
            if (attrs.contains(a)) {
                out.add(a);
            }
        }
        for (String a : attrs) {
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return "(" + String.join(" ", out) + ")";
    }
}
