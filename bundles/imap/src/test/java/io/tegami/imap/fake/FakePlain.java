package io.tegami.imap.fake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;

/** SASL PLAIN (RFC 4616) against the context's directory; or, named otherwise, a server-first fake. */
public final class FakePlain implements SaslMechanism {

    private final String name;
    private final boolean plaintext;
    private final boolean clientFirst;

    private FakePlain(String name, boolean plaintext, boolean clientFirst) {
        this.name = name;
        this.plaintext = plaintext;
        this.clientFirst = clientFirst;
    }

    public static FakePlain plain() {
        return new FakePlain("PLAIN", true, true);
    }

    /** A non-plaintext, server-first mechanism: challenge "nonce", then expects "user password". */
    public static FakePlain serverFirst() {
        return new FakePlain("CRAM-MD5", false, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isPlaintext() {
        return plaintext;
    }

    @Override
    public boolean isClientFirst() {
        return clientFirst;
    }

    @Override
    public SaslExchange start(SaslContext context) {
        return new SaslExchange() {
            private boolean challenged;

            @Override
            public SaslResult step(byte[] response) {
                if (response == null || (!clientFirst && !challenged)) {
                    challenged = true;
                    return new SaslResult.Challenge(clientFirst ? new byte[0] : "nonce".getBytes(StandardCharsets.US_ASCII));
                }
                String text = new String(response, StandardCharsets.UTF_8);
                String user;
                String password;
                if (clientFirst) {
                    String[] p = text.split("\0", -1);
                    if (p.length != 3) {
                        return SaslResult.Failure.of("invalid PLAIN response", null);
                    }
                    user = p[1];
                    password = p[2];
                } else {
                    int sp = text.indexOf(' ');
                    if (sp < 0) {
                        return SaslResult.Failure.of("invalid response", null);
                    }
                    user = text.substring(0, sp);
                    password = text.substring(sp + 1);
                }
                try {
                    Optional<User> u = context.users().authenticate(user, password.toCharArray(), context.clientAddress());
                    return u.<SaslResult>map(SaslResult.Success::of).orElse(SaslResult.Failure.of("authentication failure", user));
                } catch (DirectoryException e) {
                    return SaslResult.Failure.temporary("directory down", user);
                }
            }
        };
    }
}
