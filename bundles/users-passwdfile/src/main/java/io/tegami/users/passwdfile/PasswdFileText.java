package io.tegami.users.passwdfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and renders a passwd-file as raw lines: ISO-8859-1 strings split at LF, so that a rewrite
 * gives back every byte of the lines it did not change (comments, odd encodings, CRLF endings).
 */
final class PasswdFileText {

    private PasswdFileText() {
    }

    /** The file's lines without their LF; an empty list when the file does not exist. */
    static List<String> readLines(Path file) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            if (lf < 0) {
                lines.add(text.substring(start)); // last line without a final LF
                break;
            }
            lines.add(text.substring(start, lf));
            start = lf + 1;
        }
        return lines;
    }

    /** The bytes of a file made of these lines, each ended by LF. */
    static byte[] render(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
