package io.tegami.api.sasl.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.user.DirectoryException;

/**
 * Mechanisms shaped like the real ones, without their cryptography, checking passwords with the
 * context's user directory: {@link #plain()} takes {@code [authzid] NUL user NUL password} (empty
 * challenge first when there is no initial response), {@link #login()} asks {@code Username:} and
 * {@code Password:}, {@link #serverFirst()} (named CRAM-MD5, not plaintext) sends
 * {@code <1.2@host>} (or a challenge of the test's choice) and takes {@code user password}.
 * Records what it saw, from any thread.
 */
public final class FakeMechanism implements SaslMechanism {

    private enum Kind { PLAIN, LOGIN, SERVER_FIRST, BROKEN }

    private final String name;
    private final Kind kind;
    private final String challenge;
    /** Every response array given to any exchange, as given (to check that callers wipe them). */
    public final List<byte[]> responses = Collections.synchronizedList(new ArrayList<>());
    /** Every response as it read at the time of the call. */
    public final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    /** How many exchanges were aborted. */
    public volatile int aborts;
    /** The context of every exchange started. */
    public final List<SaslContext> contexts = Collections.synchronizedList(new ArrayList<>());

    private FakeMechanism(String name, Kind kind, String challenge) {
        this.name = name;
        this.kind = kind;
        this.challenge = challenge;
    }

    private FakeMechanism(String name, Kind kind) {
        this(name, kind, "<1.2@host>");
    }

    public static FakeMechanism plain() {
        return new FakeMechanism("PLAIN", Kind.PLAIN);
    }

    public static FakeMechanism login() {
        return new FakeMechanism("LOGIN", Kind.LOGIN);
    }

    public static FakeMechanism serverFirst() {
        return new FakeMechanism("CRAM-MD5", Kind.SERVER_FIRST);
    }

    /** A server-first mechanism (named CRAM-MD5) whose challenge is {@code challenge}. */
    public static FakeMechanism serverFirst(String challenge) {
        return new FakeMechanism("CRAM-MD5", Kind.SERVER_FIRST, challenge);
    }

    /** A mechanism whose exchanges throw, like a buggy plugin. */
    public static FakeMechanism broken(String name) {
        return new FakeMechanism(name, Kind.BROKEN);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isPlaintext() {
        return kind == Kind.PLAIN || kind == Kind.LOGIN;
    }

    @Override
    public boolean isClientFirst() {
        return kind != Kind.SERVER_FIRST;
    }

    @Override
    public SaslExchange start(SaslContext context) {
        contexts.add(context);
        return new SaslExchange() {
            private int step;
            private String user;
            private boolean ended;

            @Override
            public SaslResult step(byte[] response) {
                if (ended) {
                    throw new IllegalStateException("ended");
                }
                responses.add(response);
                seen.add(response == null ? null : new String(response, StandardCharsets.UTF_8));
                if (kind == Kind.BROKEN) {
                    throw new IllegalStateException("plugin bug");
                }
                String text = response == null ? null : new String(response, StandardCharsets.UTF_8);
                step++;
                switch (kind) {
                    case PLAIN -> {
                        if (text == null && step == 1) {
                            return new SaslResult.Challenge(new byte[0]);
                        }
                        String[] parts = text == null ? new String[0] : text.split("\0", -1);
                        return parts.length == 3 ? check(parts[1], parts[2]) : end(SaslResult.Failure.of("bad", null));
                    }
                    case LOGIN -> {
                        if (user == null && (text == null || text.isEmpty()) && step == 1) {
                            return new SaslResult.Challenge("Username:".getBytes(StandardCharsets.US_ASCII));
                        }
                        if (user == null) {
                            user = text;
                            return new SaslResult.Challenge("Password:".getBytes(StandardCharsets.US_ASCII));
                        }
                        return check(user, text);
                    }
                    default -> {
                        if (step == 1) {
                            return new SaslResult.Challenge(challenge.getBytes(StandardCharsets.US_ASCII));
                        }
                        int space = text.lastIndexOf(' ');
                        return space < 0 ? end(SaslResult.Failure.of("bad", null))
                                : check(text.substring(0, space), text.substring(space + 1));
                    }
                }
            }

            private SaslResult check(String name, String password) {
                try {
                    return end(context.users().authenticate(name, password.toCharArray(), context.clientAddress())
                            .<SaslResult>map(SaslResult.Success::of)
                            .orElse(SaslResult.Failure.of("authentication failure", name)));
                } catch (DirectoryException e) {
                    return end(SaslResult.Failure.temporary(e.getMessage(), name));
                }
            }

            private SaslResult end(SaslResult result) {
                ended = true;
                return result;
            }

            @Override
            public void abort() {
                ended = true;
                aborts++;
            }
        };
    }
}
