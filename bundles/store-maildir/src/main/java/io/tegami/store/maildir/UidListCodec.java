package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code dovecot-uidlist} as Dovecot's maildir-uidlist.c does. Version 3:
 * header {@code 3 V<uidvalidity> N<nextuid> G<guid> [other fields]}, lines
 * {@code <uid> [<key><value> ...] :<filename>}. Version 1 (Courier's courierimapuiddb
 * compatible): header {@code 1 <uidvalidity> <nextuid>}, lines {@code <uid> <filename>}.
 * Only the base name (before ':') of a file name matters and only it is written.
 */
final class UidListCodec {

    private static final Logger LOG = LoggerFactory.getLogger(UidListCodec.class);

    /** The file cannot be used at all (bad header); Dovecot deletes such a file and starts over. */
    static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptException(String message) {
            super(message);
        }
    }

    private UidListCodec() {
    }

    static UidList parse(String text) throws CorruptException {
        String[] lines = text.split("\n", -1);
        String header = lines[0];
        if (header.length() < 2 || header.charAt(1) != ' ' || !Character.isDigit(header.charAt(0))) {
            throw new CorruptException("invalid version number in header: " + header);
        }
        int version = header.charAt(0) - '0';
        long validity = 0;
        long next = 0;
        String guid = "";
        StringBuilder extra = new StringBuilder();
        String[] fields = header.substring(2).trim().split(" +");
        if (version == 1) {
            if (fields.length < 2) {
                throw new CorruptException("bad version 1 header: " + header);
            }
            validity = number(fields[0]);
            next = number(fields[1]);
        } else if (version == 3) {
            for (String f : fields) {
                if (f.isEmpty()) {
                    continue;
                }
                switch (f.charAt(0)) {
                    case 'V' -> validity = number(f.substring(1));
                    case 'N' -> next = number(f.substring(1));
                    case 'G' -> guid = f.substring(1);
                    default -> extra.append(extra.length() == 0 ? "" : " ").append(f);
                }
            }
        } else {
            throw new CorruptException("unsupported version " + version);
        }
        if (validity <= 0 || next <= 0) {
            throw new CorruptException("broken header: " + header);
        }
        List<UidList.Record> records = new ArrayList<>();
        // The last element is "" after the final LF, or a line another process is still
        // appending (Dovecot appends to this file under its lock): skip it either way.
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            UidList.Record r = record(line, version);
            if (r == null) {
                LOG.warn("dovecot-uidlist line {} ignored: {}", i + 1, line);
            } else {
                records.add(r);
            }
        }
        records = sortedUnique(records);
        long maxUid = records.isEmpty() ? 0 : records.get(records.size() - 1).uid();
        return new UidList(version, validity, Math.max(next, maxUid + 1), guid, extra.toString(), records);
    }

    private static UidList.Record record(String line, int version) {
        int i = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= line.length() || line.charAt(i) != ' ' || i > 10) {
            return null;
        }
        long uid = Long.parseLong(line.substring(0, i));
        if (uid <= 0 || uid >= 0xFFFFFFFFL) {
            return null;
        }
        String rest = line.substring(i).stripLeading();
        String extensions = "";
        String fileName;
        if (version == 3) {
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return null;
            }
            extensions = rest.substring(0, colon).trim();
            fileName = rest.substring(colon + 1);
        } else {
            fileName = rest;
        }
        if (fileName.isEmpty() || fileName.indexOf('/') >= 0) {
            return null;
        }
        return new UidList.Record(uid, extensions, MaildirFilename.parse(fileName).base());
    }

    /** Ascending UIDs; for a base listed twice the higher UID wins, as in Dovecot. */
    private static List<UidList.Record> sortedUnique(List<UidList.Record> records) {
        List<UidList.Record> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(UidList.Record::uid).reversed());
        Set<String> bases = new HashSet<>();
        Set<Long> uids = new HashSet<>();
        List<UidList.Record> result = new ArrayList<>();
        for (UidList.Record r : sorted) {
            if (bases.add(r.base()) && uids.add(r.uid())) {
                result.add(r);
            }
        }
        result.sort(Comparator.comparingLong(UidList.Record::uid));
        return result;
    }

    static String format(UidList list) {
        StringBuilder out = new StringBuilder(64 + list.records().size() * 64);
        out.append("3 V").append(list.uidValidity()).append(" N").append(list.nextUid())
                .append(" G").append(list.guid());
        if (!list.headerExtra().isEmpty()) {
            out.append(' ').append(list.headerExtra());
        }
        out.append('\n');
        for (UidList.Record r : list.records()) {
            formatRecord(out, r);
        }
        return out.toString();
    }

    /** One record line: {@code <uid> [<extensions>] :<base>}. */
    static void formatRecord(StringBuilder out, UidList.Record r) {
        out.append(r.uid());
        if (!r.extensions().isEmpty()) {
            out.append(' ').append(r.extensions());
        }
        out.append(" :").append(r.base()).append('\n');
    }

    private static long number(String s) throws CorruptException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CorruptException("not a number: " + s);
        }
    }
}
