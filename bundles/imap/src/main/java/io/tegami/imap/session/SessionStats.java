package io.tegami.imap.session;

/**
 * The counters of Dovecot's {@code imap_logout_format}: {@code in=%i out=%o deleted=%{deleted}
 * expunged=%{expunged} trashed=%{trashed} hdr_count=%{fetch_hdr_count} hdr_bytes=%{fetch_hdr_bytes}
 * body_count=%{fetch_body_count} body_bytes=%{fetch_body_bytes}}.
 */
public final class SessionStats {

    private long deleted;
    private long expunged;
    private long trashed;
    private long hdrCount;
    private long hdrBytes;
    private long bodyCount;
    private long bodyBytes;

    /** Messages flagged \Deleted by STORE. */
    public void deleted(long n) {
        deleted += n;
    }

    /** Messages expunged by this session. */
    public void expunged(long n) {
        expunged += n;
    }

    /** Messages copied or moved into a \Trash folder. */
    public void trashed(long n) {
        trashed += n;
    }

    /** A header section sent. */
    public void header(long bytes) {
        hdrCount++;
        hdrBytes += bytes;
    }

    /** A body section sent. */
    public void body(long bytes) {
        bodyCount++;
        bodyBytes += bytes;
    }

    /** The logout line's fields. */
    public String format(long in, long out) {
        return "in=" + in + " out=" + out + " deleted=" + deleted + " expunged=" + expunged + " trashed=" + trashed
                + " hdr_count=" + hdrCount + " hdr_bytes=" + hdrBytes + " body_count=" + bodyCount
                + " body_bytes=" + bodyBytes;
    }
}
