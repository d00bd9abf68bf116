package io.tegami.shell.doveadm;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.tegami.api.store.StoreException;

/**
 * One node of a doveadm search query (doveadm-search-query(7)), evaluated against one message.
 * Built by {@link SearchQuery}.
 */
sealed interface SearchKey {

    /** Whether the message matches. */
    boolean matches(MessageView m) throws IOException, StoreException;

    /** All of them (a query's keys side by side, or a parenthesized list). */
    record And(List<SearchKey> keys) implements SearchKey {
        @Override
        public boolean matches(MessageView m) throws IOException, StoreException {
            for (SearchKey k : keys) {
                if (!k.matches(m)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Any of them ({@code a OR b OR c}). */
    record Or(List<SearchKey> keys) implements SearchKey {
        @Override
        public boolean matches(MessageView m) throws IOException, StoreException {
            for (SearchKey k : keys) {
                if (k.matches(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(SearchKey key) implements SearchKey {
        @Override
        public boolean matches(MessageView m) throws IOException, StoreException {
            return !key.matches(m);
        }
    }

    /** {@code ALL}. */
    record All() implements SearchKey {
        @Override
        public boolean matches(MessageView m) {
            return true;
        }
    }

    /** A flag set ({@code SEEN}, {@code KEYWORD x}, {@code RECENT}) or not ({@code UNSEEN}...). */
    record Flag(String flag, boolean set) implements SearchKey {
        @Override
        public boolean matches(MessageView m) {
            return m.info().has(flag) == set;
        }
    }

    /** {@code UID set} or a bare sequence set. */
    record Set(SequenceSet set, boolean uid) implements SearchKey {
        @Override
        public boolean matches(MessageView m) {
            return uid ? set.contains(m.info().uid(), m.lastUid()) : set.contains(m.seq(), m.count());
        }
    }

    /** {@code MAILBOX mask}: the message's mailbox matches the mask. */
    record MailboxName(String mask) implements SearchKey {
        @Override
        public boolean matches(MessageView m) {
            return MailCommandLine.matches(mask, m.mailbox(), m.delimiter());
        }
    }

    /** {@code LARGER n} / {@code SMALLER n}, on RFC822.SIZE as IMAP's keys are. */
    record Size(long bytes, boolean larger) implements SearchKey {
        @Override
        public boolean matches(MessageView m) {
            long size = m.info().rfc822Size();
            return larger ? size > bytes : size < bytes;
        }
    }

    /** Which date a date key looks at. */
    enum DateField { RECEIVED, SAVED, SENT }

    /** How a date key compares. */
    enum DateOp { BEFORE, ON, SINCE }

    /**
     * {@code BEFORE/ON/SINCE}, {@code SAVED*}, {@code SENT*}: a calendar day (ignoring the time,
     * as IMAP says) when {@code exact} is null, else an exact moment (an interval such as
     * {@code 30d} or a UNIX time), compared to the second.
     */
    record Date(DateField field, DateOp op, LocalDate day, Instant exact, ZoneId zone) implements SearchKey {
        @Override
        public boolean matches(MessageView m) throws IOException, StoreException {
            Instant when;
            LocalDate whenDay;
            if (field == DateField.SENT) {
                var sent = m.sentDate();
                if (sent == null) {
                    return false; // no valid Date: header: no date key matches
                }
                when = sent.toInstant();
                whenDay = sent.toLocalDate();
            } else {
                when = m.info().internalDate(); // the store keeps one date: arrival is when it was saved
                whenDay = when.atZone(zone).toLocalDate();
            }
            if (exact != null) {
                return switch (op) {
                    case BEFORE -> when.isBefore(exact);
                    case SINCE -> !when.isBefore(exact);
                    case ON -> whenDay.equals(exact.atZone(zone).toLocalDate());
                };
            }
            return switch (op) {
                case BEFORE -> whenDay.isBefore(day);
                case SINCE -> !whenDay.isBefore(day);
                case ON -> whenDay.equals(day);
            };
        }
    }

    /** {@code HEADER name value}, {@code SUBJECT}, {@code FROM}...: a substring of any such field, without case. */
    record Header(String name, String value) implements SearchKey {
        @Override
        public boolean matches(MessageView m) throws IOException, StoreException {
            String needle = value.toLowerCase(Locale.ROOT);
            for (String v : m.headers(name)) {
                if (v.toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code BODY text} (after the header) or {@code TEXT text} (the whole message), without case. */
    record Text(String value, boolean wholeMessage) implements SearchKey {
        @Override
        public boolean matches(MessageView m) throws IOException, StoreException {
            return m.contains(value, wholeMessage);
        }
    }
}
