package io.tegami.auth.crammd5;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * One CRAM-MD5 exchange: the server sends its challenge, the client answers
 * {@code user SP hex(HMAC-MD5(password, challenge))}. As in Dovecot, the user name ends at the
 * last space, an initial response is ignored, and an unknown user costs the same HMAC as a known one.
 */
final class CramMd5Exchange implements SaslExchange {

    /** Keeps the work for unknown users equal to that for known ones. */
    private static final HmacMd5Context DUMMY = HmacMd5Context.fromKey(new byte[] {'x'});

    private final SaslContext context;
    private final byte[] challenge;
    private boolean challenged;
    private boolean ended;

    CramMd5Exchange(SaslContext context, String challenge) {
        this.context = context;
        this.challenge = challenge.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public SaslResult step(byte[] response) {
        if (ended) {
            throw new IllegalStateException("the CRAM-MD5 exchange has ended");
        }
        if (!challenged) {
            challenged = true;
            return new SaslResult.Challenge(challenge.clone());
        }
        ended = true;
        return verify(response == null ? new byte[0] : response);
    }

    @Override
    public void abort() {
        ended = true;
    }

    private SaslResult verify(byte[] response) {
        String text = utf8(response);
        int space = text == null ? -1 : text.lastIndexOf(' ');
        if (space <= 0 || text.indexOf('\0') >= 0) {
            return SaslResult.Failure.of("invalid CRAM-MD5 response: expected user name and digest", null);
        }
        String user = text.substring(0, space);
        if (user.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || user.length() > 255) {
            return SaslResult.Failure.of("invalid CRAM-MD5 response: bad user name", null);
        }
        byte[] digest = hex(text.substring(space + 1));
        if (digest == null) {
            return SaslResult.Failure.of("invalid CRAM-MD5 response: digest is not 32 hex digits", user);
        }
        try {
            return check(context.users(), user, digest);
        } catch (DirectoryException e) {
            return SaslResult.Failure.temporary("user directory failed: " + e.getMessage(), user);
        } catch (RuntimeException e) {
            return SaslResult.Failure.temporary("user directory failed: " + e, user);
        }
    }

    private SaslResult check(UserDirectory users, String user, byte[] digest) throws DirectoryException {
        Optional<String> stored = users.credentials(user, "CRAM-MD5");
        Optional<HmacMd5Context> key = stored.flatMap(HmacMd5Context::parse);
        if (stored.isPresent() && key.isEmpty()) {
            MessageDigest.isEqual(DUMMY.hmac(challenge), digest);
            return SaslResult.Failure.of("invalid CRAM-MD5 credentials stored for user " + user, user);
        }
        if (key.isEmpty()) {
            key = users.credentials(user, "PLAIN").map(CramMd5Exchange::fromPlain);
        }
        if (key.isEmpty()) {
            MessageDigest.isEqual(DUMMY.hmac(challenge), digest);
            // Only the log may tell the two apart; the client hears the same either way.
            return users.lookup(user).isPresent()
                    ? SaslResult.Failure.of("CRAM-MD5 not possible for user " + user + ": password stored as one-way hash", user)
                    : SaslResult.Failure.of("authentication failure", user);
        }
        if (!MessageDigest.isEqual(key.get().hmac(challenge), digest)) {
            return SaslResult.Failure.of("authentication failure", user);
        }
        Optional<User> found = users.lookup(user);
        return found.<SaslResult>map(SaslResult.Success::of)
                .orElseGet(() -> SaslResult.Failure.of("authentication failure", user));
    }

    private static HmacMd5Context fromPlain(String password) {
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        try {
            return HmacMd5Context.fromKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] hex(String digits) {
        if (digits.length() != 32) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
