package io.tegami.itests;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Judges what the clients saw during one bundle's swap: clients the bundle does not serve must
 * have seen nothing; the ones it serves only what {@link Swap#allowed()} lists, a goodbye being
 * the protocol's own (SMTP {@code 421 4.3.2}, IMAP {@code * BYE}, POP3 {@code -ERR}); and the
 * sessions in {@link Swap#mustSeeGoodbye()} must have been told goodbye rather than dropped.
 * Keeps a summary of the events per swap for the report.
 */
final class SwapJudge {

    /**
     * One bundle of the matrix: how to tell it works now (null: no outside sign), which clients
     * it may disturb and how, and which sessions must get the goodbye.
     */
    record Swap(String bundle, BooleanSupplier working, Set<String> touched, Set<SwapJournal.Kind> allowed,
            Set<String> mustSeeGoodbye, Set<String> goodbyes) {

        /** Any goodbye of the protocol's own will do. */
        Swap(String bundle, BooleanSupplier working, Set<String> touched, Set<SwapJournal.Kind> allowed,
                Set<String> mustSeeGoodbye) {
            this(bundle, working, touched, allowed, mustSeeGoodbye, Set.of());
        }

        /**
         * Only these goodbye texts (the reply before {@code " (at STEP)"}) are accepted, so that
         * a swap is told precisely (the store going away is not a deleted mailbox).
         */
        Swap withGoodbyes(String... texts) {
            return new Swap(bundle, working, touched, allowed, mustSeeGoodbye, Set.of(texts));
        }
    }

    private final StringBuilder summary = new StringBuilder("What the clients saw, per swap:\n");

    String summary() {
        return summary.toString();
    }

    /** Adds to {@code failures} what is wrong with the events of {@code swap}'s window. */
    void judge(Swap swap, List<SwapJournal.Event> events, List<String> failures) {
        summary.append("  ").append(swap.bundle()).append(events.isEmpty() ? ": nothing\n" : ":\n");
        // Every distinct text of a group is listed, so the report shows each reply the clients got.
        events.stream().collect(Collectors.groupingBy(e -> e.client() + " " + e.kind(), TreeMap::new,
                Collectors.toList())).forEach((k, list) -> summary.append(String.format("    %-24s x%-3d %s%n", k,
                        list.size(), list.stream().map(SwapJournal.Event::text).distinct()
                                .collect(Collectors.joining("\n" + " ".repeat(34))))));
        for (SwapJournal.Event e : events) {
            if (!swap.touched().contains(e.client())) {
                failures.add(swap.bundle() + ": untouched client saw " + e);
            } else if (!swap.allowed().contains(e.kind())) {
                failures.add(swap.bundle() + ": unexpected " + e);
            } else if (e.kind() == SwapJournal.Kind.GOODBYE && !isProtocolGoodbye(e)) {
                failures.add(swap.bundle() + ": not the protocol's goodbye: " + e);
            } else if (e.kind() == SwapJournal.Kind.GOODBYE && !swap.goodbyes().isEmpty()
                    && !swap.goodbyes().contains(reply(e.text()))) {
                failures.add(swap.bundle() + ": not the expected goodbye " + swap.goodbyes() + ": " + e);
            }
        }
        for (String client : swap.mustSeeGoodbye()) {
            if (events.stream().noneMatch(e -> e.client().equals(client) && e.kind() == SwapJournal.Kind.GOODBYE)) {
                failures.add(swap.bundle() + ": the session of " + client + " got no goodbye");
            }
        }
    }

    /** The reply without the {@code " (at STEP)"} the POP3 and SMTP clients add. */
    private static String reply(String text) {
        int at = text.lastIndexOf(" (at ");
        return at < 0 ? text : text.substring(0, at);
    }

    private static boolean isProtocolGoodbye(SwapJournal.Event e) {
        return e.client().startsWith("smtp") ? e.text().startsWith("421 4.3.2")
                : e.client().startsWith("imap") ? e.text().startsWith("* BYE") : e.text().startsWith("-ERR");
    }
}
