package io.tegami.store.mbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the header of one message as {@link MboxScanner} reads it line by line: the values of
 * the metadata fields, where those fields are (to hide them), and the size of the rest.
 */
final class HeaderFields {

    final List<long[]> hidden = new ArrayList<>();
    long size;
    long rfc822;
    long contentLength = -1;
    private String imapBase;
    private boolean pseudo;
    private long uidLastOffset = -1;
    private String xUid;
    private String status;
    private String xStatus;
    private String keywords;
    private boolean duplicates;

    // the field being read
    private String name;
    private boolean isHidden;
    private long fieldStart;
    private final StringBuilder value = new StringBuilder();
    private long uidLastCandidate = -1;

    HeaderFields(long headerOffset) {
        this.fieldStart = headerOffset;
    }

    void line(LineReader line) {
        boolean continuation = line.headLen > 0 && (line.head[0] == ' ' || line.head[0] == '\t');
        if (continuation && name != null) {
            if (isHidden) {
                value.append(text(line, 0));
            } else {
                count(line);
            }
            return;
        }
        finish(line.start);
        name = MboxHeaders.fieldName(line.head, line.headLen);
        isHidden = name != null && MboxHeaders.hidden(name);
        fieldStart = line.start;
        value.setLength(0);
        uidLastCandidate = -1;
        if (isHidden) {
            int colon = indexOf(line, ':');
            value.append(text(line, colon + 1));
            if (name.equalsIgnoreCase(MboxHeaders.X_IMAPBASE) || name.equalsIgnoreCase(MboxHeaders.X_IMAP)) {
                uidLastCandidate = uidLastOffset(line, colon + 1);
            }
        } else {
            count(line);
        }
    }

    private void count(LineReader line) {
        size += line.length();
        rfc822 += line.length() + MboxScanner.bareLf(line);
    }

    /** Ends the field being read at {@code end}. */
    void finish(long end) {
        if (name == null || !isHidden) {
            name = null;
            return;
        }
        hidden.add(new long[] {fieldStart, end});
        String v = value.toString();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "x-imapbase", "x-imap" -> {
                if (imapBase == null) {
                    imapBase = v;
                    pseudo = name.equalsIgnoreCase(MboxHeaders.X_IMAP);
                    uidLastOffset = uidLastCandidate;
                } else {
                    duplicates = true;
                }
            }
            case "x-uid" -> {
                duplicates |= xUid != null;
                xUid = xUid == null ? v : xUid;
            }
            case "status" -> {
                duplicates |= status != null;
                status = status == null ? v : status;
            }
            case "x-status" -> {
                duplicates |= xStatus != null;
                xStatus = xStatus == null ? v : xStatus;
            }
            case "x-keywords" -> {
                duplicates |= keywords != null;
                keywords = keywords == null ? v : keywords;
            }
            case "content-length" -> {
                if (contentLength >= 0) {
                    duplicates = true;
                } else {
                    contentLength = MboxHeaders.number(v);
                }
            }
            default -> {
                // not reached: hidden() lists only the names above
            }
        }
        name = null;
    }

    ScannedMessage.Meta meta() {
        return new ScannedMessage.Meta(imapBase, pseudo, uidLastOffset, xUid, status, xStatus, keywords,
                contentLength, duplicates);
    }

    private static int indexOf(LineReader line, char c) {
        for (int i = 0; i < line.headLen; i++) {
            if (line.head[i] == c) {
                return i;
            }
        }
        return line.headLen;
    }

    private static String text(LineReader line, int from) {
        int end = line.headLen;
        while (end > from && (line.head[end - 1] == '\n' || line.head[end - 1] == '\r')) {
            end--;
        }
        return from >= end ? "" : new String(line.head, from, end - from, StandardCharsets.ISO_8859_1);
    }

    /** The file offset of a 10-digit last UID in an X-IMAPbase line, or -1. */
    private static long uidLastOffset(LineReader line, int from) {
        byte[] h = line.head;
        int i = from;
        while (i < line.headLen && h[i] == ' ') {
            i++;
        }
        int digits = i;
        while (i < line.headLen && h[i] >= '0' && h[i] <= '9') {
            i++;
        }
        if (i == digits || i >= line.headLen || h[i] != ' ') {
            return -1;
        }
        i++;
        int start = i;
        while (i < line.headLen && h[i] >= '0' && h[i] <= '9') {
            i++;
        }
        boolean delimited = i >= line.headLen || h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n';
        return i - start == 10 && delimited ? line.start + start : -1;
    }
}
