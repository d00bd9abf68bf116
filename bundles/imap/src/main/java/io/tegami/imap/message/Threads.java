package io.tegami.imap.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD (RFC 5256): ORDEREDSUBJECT and REFERENCES over message descriptors, and the THREAD
 * response syntax. Sent dates are as for SORT DATE (Date field, else INTERNALDATE); equal dates
 * fall back to sequence order.
 */
public final class Threads {

    /** Orders by sent date, then sequence number. */
    private static final Comparator<MessageDescriptor> BY_DATE =
            Comparator.comparing(MessageDescriptor::sentDate).thenComparingLong(MessageDescriptor::sequence);

    private Threads() {
    }

    /**
     * THREAD=ORDEREDSUBJECT (RFC 5256 3): messages grouped by base subject, each group's first
     * message (by sent date) the parent of the others, groups ordered by their first message.
     */
    public static List<ThreadNode> orderedSubject(List<MessageDescriptor> messages) {
        Map<String, List<MessageDescriptor>> groups = new HashMap<>();
        for (MessageDescriptor m : messages) {
            groups.computeIfAbsent(BaseSubject.of(m.subject()).key(), k -> new ArrayList<>()).add(m);
        }
        List<ThreadNode> threads = new ArrayList<>();
        for (List<MessageDescriptor> g : groups.values()) {
            g.sort(BY_DATE);
            ThreadNode first = new ThreadNode(g.get(0));
            for (int i = 1; i < g.size(); i++) {
                first.add(new ThreadNode(g.get(i)));
            }
            threads.add(first);
        }
        threads.sort((a, b) -> BY_DATE.compare(a.message, b.message));
        return threads;
    }

    /** THREAD=REFERENCES (RFC 5256 3, steps 1 to 6). */
    public static List<ThreadNode> references(List<MessageDescriptor> messages) {
        return new ReferencesThreader().thread(messages);
    }

    /**
     * The THREAD response data for the threads: {@code (1 2 (3)(4))(5)}, with UIDs or sequence
     * numbers. A parent with one child is written as a chain, with several as nested lists.
     */
    public static String format(List<ThreadNode> threads, boolean uids) {
        StringBuilder sb = new StringBuilder();
        for (ThreadNode t : threads) {
            sb.append('(');
            members(sb, t, uids);
            sb.append(')');
        }
        return sb.toString();
    }

    private static void members(StringBuilder sb, ThreadNode n, boolean uids) {
        if (n.isDummy() && n.children.size() == 1) {
            members(sb, n.children.get(0), uids);
            return;
        }
        if (!n.isDummy()) {
            sb.append(uids ? n.message.uid() : n.message.sequence());
            if (n.children.size() == 1) {
                sb.append(' ');
                members(sb, n.children.get(0), uids);
                return;
            }
            if (!n.children.isEmpty()) {
                sb.append(' ');
            }
        }
        for (ThreadNode c : n.children) {
            sb.append('(');
            members(sb, c, uids);
            sb.append(')');
        }
    }

    /** The sort key of a node: its message's, or a dummy's first child's. */
    static MessageDescriptor dateOf(ThreadNode n) {
        while (n.isDummy() && !n.children.isEmpty()) {
            n = n.children.get(0);
        }
        return n.message;
    }

    /** The REFERENCES algorithm's state. */
    private static final class ReferencesThreader {
        private final Map<String, ThreadNode> ids = new LinkedHashMap<>();
        private final List<ThreadNode> all = new ArrayList<>();

        List<ThreadNode> thread(List<MessageDescriptor> messages) {
            List<MessageDescriptor> inOrder = new ArrayList<>(messages);
            inOrder.sort(Comparator.comparingLong(MessageDescriptor::sequence));
            for (MessageDescriptor m : inOrder) {
                link(m);
            }
            // (2) the root set, (3) pruned
            List<ThreadNode> roots = new ArrayList<>();
            for (ThreadNode n : all) {
                if (n.parent == null) {
                    roots.add(n);
                }
            }
            roots = prune(roots, true);
            // (4) sort the root set (a dummy by its first child, its children sorted first)
            for (ThreadNode r : roots) {
                if (r.isDummy()) {
                    sortSiblings(r.children);
                }
            }
            sortSiblings(roots);
            // (5) gather messages with the same base subject
            roots = gatherSubjects(roots);
            // (6) sort every set of siblings, the deepest first
            sortTree(roots);
            return roots;
        }

        /** (1) one message: its references, then the message itself. */
        private void link(MessageDescriptor m) {
            List<String> refs = MessageIds.all(m.references());
            if (refs.isEmpty()) {
                String irt = MessageIds.first(m.inReplyTo());
                if (irt != null) {
                    refs = List.of(irt);
                }
            }
            ThreadNode prev = null;
            for (String ref : refs) {
                ThreadNode r = ids.get(ref);
                if (r == null) {
                    r = new ThreadNode(null);
                    ids.put(ref, r);
                    all.add(r);
                }
                // Keep an existing parent; never make a loop.
                if (prev != null && r.parent == null && !r.isAncestorOf(prev)) {
                    prev.add(r);
                }
                prev = r;
            }
            String id = MessageIds.first(m.messageId());
            ThreadNode self = id == null ? null : ids.get(id);
            if (self != null && self.isDummy()) {
                // The dummy a reference made for this message becomes the message.
                ThreadNode real = new ThreadNode(m);
                replace(self, real);
                ids.put(id, real);
                if (prev == self) {
                    prev = real; // the message referred to itself: no link to make
                }
                self = real;
            } else {
                // No ID, or a duplicate: the message gets a unique ID of its own (not tabled).
                self = new ThreadNode(m);
                all.add(self);
                if (id != null && !ids.containsKey(id)) {
                    ids.put(id, self);
                }
            }
            self.detach();
            if (prev != null && !self.isAncestorOf(prev)) {
                prev.add(self);
            }
        }

        /** Puts {@code real} where {@code dummy} was: same parent, same children, same place in {@link #all}. */
        private void replace(ThreadNode dummy, ThreadNode real) {
            all.set(all.indexOf(dummy), real);
            for (ThreadNode c : dummy.children) {
                c.parent = real;
                real.children.add(c);
            }
            dummy.children.clear();
            ThreadNode parent = dummy.parent;
            if (parent != null) {
                parent.children.set(parent.children.indexOf(dummy), real);
                real.parent = parent;
                dummy.parent = null;
            }
        }

        /** (3) dummies: without children deleted, with children replaced by them (not at the root, unless one). */
        private List<ThreadNode> prune(List<ThreadNode> siblings, boolean atRoot) {
            List<ThreadNode> out = new ArrayList<>();
            for (ThreadNode n : siblings) {
                List<ThreadNode> kids = prune(n.children, false);
                n.children.clear();
                for (ThreadNode k : kids) {
                    n.add(k);
                }
                if (n.isDummy() && kids.isEmpty()) {
                    continue;
                }
                if (n.isDummy() && (!atRoot || kids.size() == 1)) {
                    for (ThreadNode k : kids) {
                        k.parent = atRoot ? null : n.parent;
                        out.add(k);
                    }
                    continue;
                }
                out.add(n);
            }
            return out;
        }

        /** (5) A to C. */
        private List<ThreadNode> gatherSubjects(List<ThreadNode> roots) {
            Map<String, ThreadNode> table = new HashMap<>();
            for (ThreadNode r : roots) {
                BaseSubject s = subjectOf(r);
                if (s.key().isEmpty()) {
                    continue;
                }
                ThreadNode old = table.get(s.key());
                if (old == null || (!old.isDummy() && (r.isDummy()
                        || (subjectOf(old).isReplyOrForward() && !s.isReplyOrForward())))) {
                    table.put(s.key(), r);
                }
            }
            List<ThreadNode> out = new ArrayList<>(roots);
            for (ThreadNode r : roots) {
                BaseSubject s = subjectOf(r);
                if (s.key().isEmpty()) {
                    continue;
                }
                ThreadNode t = table.get(s.key());
                if (t == r) {
                    continue;
                }
                if (t.isDummy() && r.isDummy()) {
                    for (ThreadNode c : new ArrayList<>(r.children)) {
                        c.detach();
                        t.add(c);
                    }
                    out.remove(r);
                } else if (t.isDummy()) {
                    out.remove(r);
                    t.add(r);
                } else if (!r.isDummy() && s.isReplyOrForward() && !subjectOf(t).isReplyOrForward()) {
                    out.remove(r);
                    t.add(r);
                } else {
                    ThreadNode d = new ThreadNode(null);
                    out.set(out.indexOf(t), d);
                    out.remove(r);
                    d.add(t);
                    d.add(r);
                    table.put(s.key(), d);
                }
            }
            for (ThreadNode n : out) {
                n.parent = null;
            }
            return out;
        }

        private static BaseSubject subjectOf(ThreadNode n) {
            MessageDescriptor m = dateOf(n);
            return BaseSubject.of(m == null ? null : m.subject());
        }

        private static void sortTree(List<ThreadNode> siblings) {
            for (ThreadNode n : siblings) {
                sortTree(n.children);
            }
            sortSiblings(siblings);
        }

        private static void sortSiblings(List<ThreadNode> siblings) {
            siblings.sort((a, b) -> BY_DATE.compare(dateOf(a), dateOf(b)));
        }
    }

    /** The sent date Threads orders by (for tests and callers that show it). */
    static Instant sentDate(ThreadNode n) {
        return dateOf(n).sentDate();
    }
}
