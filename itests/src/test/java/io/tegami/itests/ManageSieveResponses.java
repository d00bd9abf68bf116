package io.tegami.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads ManageSieve (RFC 5804) responses for the tests' raw clients: lines up to the one that
 * starts with OK, NO or BYE, with every literal ({@code {n}} or {@code {n+}}) read whole. The
 * status word stands before a literal ({@code NO {42}}), so it is looked for on that line.
 */
final class ManageSieveResponses {

    private ManageSieveResponses() {
    }

    /** One response, its lines each ended by {@code \n}. */
    static String read(InputStream in) throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = line(in);
            all.append(line).append('\n');
            if (line.endsWith("}") && line.lastIndexOf('{') >= 0) {
                int n = Integer.parseInt(line.substring(line.lastIndexOf('{') + 1, line.length() - 1).replace("+", ""));
                all.append(new String(in.readNBytes(n), StandardCharsets.UTF_8));
                all.append(line(in)).append('\n');
            }
            if (line.startsWith("OK") || line.startsWith("NO") || line.startsWith("BYE")) {
                return all.toString();
            }
        }
    }

    /** One line without its CRLF (or LF); fails when the server closes first. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed after: " + b);
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
