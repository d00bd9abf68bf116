package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sizes of messages stored with LF endings, as IMAP and POP3 count them (CRLF). */
final class CrlfSizes {

    private CrlfSizes() {
    }

    /** The size a stored file has with CRLF endings: its size plus one per LF not after a CR. */
    static long virtualSize(Path file) throws IOException {
        long size = 0;
        long bare = 0;
        int prev = -1;
        byte[] buf = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' && prev != '\r') {
                        bare++;
                    }
                    prev = buf[i];
                }
                size += n;
            }
        }
        return size + bare;
    }
}
