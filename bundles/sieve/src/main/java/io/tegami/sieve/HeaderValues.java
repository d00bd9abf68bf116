package io.tegami.sieve;

import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveRuntimeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** Header field values as tests compare them: RFC 2047-decoded, trailing whitespace removed. */
final class HeaderValues {

    private HeaderValues() {
    }

    /** Decodes raw values (RFC 2047 encoded words), trailing whitespace removed. */
    static List<String> decode(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String raw : values) {
            out.add(DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT).stripTrailing());
        }
        return out;
    }

    /** Raw values, for address parsing (which handles encoded display names itself). */
    static List<String> raw(SieveMessage message, List<String> names) throws SieveRuntimeException {
        List<String> out = new ArrayList<>();
        try {
            for (String name : names) {
                out.addAll(message.header(name));
            }
        } catch (IOException e) {
            throw new SieveRuntimeException("failed to read message header: " + e.getMessage(), e);
        }
        return out;
    }
}
