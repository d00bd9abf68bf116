package io.tegami.api.sasl.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.SaslResult;

/**
 * The behaviour every {@link SaslMechanism} keeps, whoever wrote it. Subclass it in the
 * mechanism's own tests (JUnit 5), return the mechanism and a client side for it:
 *
 * <pre>
 * class PlainMechanismContractTest extends SaslMechanismContract {
 *     protected SaslMechanism mechanism() { return new PlainMechanism(); }
 *     protected Client client(String user, String password) { ... }
 * }
 * </pre>
 *
 * The suite drives exchanges the way a protocol does (it overwrites every response array after
 * the call, as protocols do with passwords) against a {@link ContractDirectory} holding
 * {@value #USER} with password {@value #PASSWORD}. Mechanisms that need stored credentials other
 * than {@code PLAIN} register them in {@link #configure(ContractDirectory)}.
 */
public abstract class SaslMechanismContract {

    /** The user the directory knows. */
    protected static final String USER = "alice";
    /** Her password. */
    protected static final String PASSWORD = "s3cret pass";
    /** At most this many challenges before a result. */
    private static final int MAX_STEPS = 10;

    /** The client side of the mechanism under test, for one exchange. */
    public interface Client {

        /** The initial response to send with the AUTH command, or {@code null} to send none. */
        byte[] initialResponse();

        /** The answer to a server challenge. */
        byte[] respond(byte[] challenge);
    }

    protected ContractDirectory directory;
    protected SaslContext context;

    /** The mechanism under test; a new or a shared instance, as it would be registered. */
    protected abstract SaslMechanism mechanism();

    /** A client that authenticates as {@code user} with {@code password}. */
    protected abstract Client client(String user, String password);

    /** Adds credential schemes the mechanism needs ({@code directory.scheme("CRAM-MD5", ...)}). */
    protected void configure(ContractDirectory directory) {
    }

    @BeforeEach
    void setUpContract() {
        directory = new ContractDirectory().user(USER, PASSWORD).user("bob", "other");
        configure(directory);
        context = SaslContext.of("smtp", new InetSocketAddress("192.0.2.7", 40000), true, directory, "mx.example.org");
    }

    /** Runs one exchange to its end, overwriting each response after use as protocols do. */
    protected final List<SaslResult> drive(SaslExchange exchange, Client client) {
        List<SaslResult> results = new ArrayList<>();
        SaslResult result = step(exchange, client.initialResponse());
        results.add(result);
        while (result instanceof SaslResult.Challenge challenge) {
            if (results.size() > MAX_STEPS) {
                fail("no result after " + MAX_STEPS + " challenges");
            }
            assertNotNull(challenge.data(), "challenge data");
            result = step(exchange, client.respond(challenge.data().clone()));
            results.add(result);
        }
        return results;
    }

    private static SaslResult step(SaslExchange exchange, byte[] response) {
        SaslResult result = exchange.step(response);
        assertNotNull(result, "step() returned null");
        if (response != null) {
            Arrays.fill(response, (byte) 0);
        }
        return result;
    }

    private SaslResult login(String user, String password) {
        List<SaslResult> results = drive(mechanism().start(context), client(user, password));
        return results.get(results.size() - 1);
    }

    @Test
    void nameIsARegisteredStyleSaslName() {
        String name = mechanism().name();
        assertNotNull(name);
        assertTrue(name.matches("[A-Z0-9_-]{1,20}"), "RFC 4422 mechanism names are 1-20 of A-Z 0-9 - _: " + name);
    }

    @Test
    void serverFirstMechanismsOpenWithAChallenge() {
        if (!mechanism().isClientFirst()) {
            SaslResult first = mechanism().start(context).step(null);
            SaslResult.Challenge challenge = assertInstanceOf(SaslResult.Challenge.class, first);
            assertTrue(challenge.data().length > 0, "a server-first mechanism says something first");
        }
    }

    @Test
    void rightPasswordSucceedsAsTheDirectorysUser() {
        SaslResult result = login(USER, PASSWORD);
        SaslResult.Success success = assertInstanceOf(SaslResult.Success.class, result, String.valueOf(result));
        assertEquals(ContractDirectory.userRecord(USER), success.user(), "the user comes from the directory");
        assertEquals(USER, success.authenticationId());
    }

    @Test
    void wrongPasswordFails() {
        SaslResult result = login(USER, "wrong");
        SaslResult.Failure failure = assertInstanceOf(SaslResult.Failure.class, result, String.valueOf(result));
        assertFalse(failure.temporary(), "a wrong password is not a temporary failure");
        assertTrue(failure.username() == null || failure.username().equals(USER), failure.username());
        assertFalse(failure.reason().contains(PASSWORD), "the reason is logged: it must not hold the password");
    }

    @Test
    void anotherUsersPasswordFails() {
        assertInstanceOf(SaslResult.Failure.class, login(USER, "other"));
    }

    @Test
    void unknownUserFailsLikeAWrongPassword() {
        List<SaslResult> unknown = drive(mechanism().start(context), client("nobody", PASSWORD));
        List<SaslResult> wrong = drive(mechanism().start(context), client(USER, "wrong"));
        SaslResult.Failure failure = assertInstanceOf(SaslResult.Failure.class, unknown.get(unknown.size() - 1));
        assertFalse(failure.temporary());
        assertEquals(wrong.size(), unknown.size(), "an unknown user takes as many steps as a wrong password");
    }

    @Test
    void unreachableDirectoryIsATemporaryFailure() {
        directory.failing(true);
        SaslResult result = login(USER, PASSWORD);
        SaslResult.Failure failure = assertInstanceOf(SaslResult.Failure.class, result, String.valueOf(result));
        assertTrue(failure.temporary(), "the client should try again later: " + failure);
    }

    @Test
    void plaintextPasswordsAreCheckedWithTheClientsAddress() {
        login(USER, PASSWORD);
        if (mechanism().isPlaintext()) {
            assertEquals(List.of(context.clientAddress()), directory.clients(),
                    "use authenticate(name, password, client) so that allow_nets and nologin apply");
        }
    }

    @Test
    void exchangesAreIndependent() {
        SaslMechanism mechanism = mechanism();
        SaslExchange first = mechanism.start(context);
        SaslExchange second = mechanism.start(context);
        Client right = client(USER, PASSWORD);
        Client wrong = client(USER, "wrong");
        SaslResult a = first.step(right.initialResponse());
        SaslResult b = second.step(wrong.initialResponse());
        for (int i = 0; i < MAX_STEPS && (a instanceof SaslResult.Challenge || b instanceof SaslResult.Challenge); i++) {
            if (a instanceof SaslResult.Challenge ca) {
                a = first.step(right.respond(ca.data().clone()));
            }
            if (b instanceof SaslResult.Challenge cb) {
                b = second.step(wrong.respond(cb.data().clone()));
            }
        }
        assertInstanceOf(SaslResult.Success.class, a);
        assertInstanceOf(SaslResult.Failure.class, b);
    }

    @Test
    void stepAfterTheEndIsAnError() {
        SaslExchange exchange = mechanism().start(context);
        drive(exchange, client(USER, PASSWORD));
        assertThrows(IllegalStateException.class, () -> exchange.step(new byte[0]));
    }

    @Test
    void stepAfterAbortIsAnError() {
        SaslExchange exchange = mechanism().start(context);
        exchange.abort();
        assertThrows(IllegalStateException.class, () -> exchange.step(null));
        exchange.abort(); // twice is harmless
    }

    @Test
    void garbageNeverSucceedsAndNeverThrows() {
        Random random = new Random(4954);
        List<byte[]> inputs = new ArrayList<>(List.of(new byte[0], new byte[] {0}, new byte[] {0, 0, 0, 0},
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3}, "alice".getBytes(StandardCharsets.US_ASCII),
                "alice 0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
                ("\0alice\0" + PASSWORD + "\0").getBytes(StandardCharsets.UTF_8), "a".repeat(20_000).getBytes(StandardCharsets.US_ASCII)));
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            inputs.add(b);
        }
        for (byte[] input : inputs) {
            for (boolean asInitial : new boolean[] {true, false}) {
                SaslExchange exchange = mechanism().start(context);
                SaslResult result = exchange.step(asInitial ? input.clone() : null);
                for (int i = 0; i < MAX_STEPS && result instanceof SaslResult.Challenge; i++) {
                    result = exchange.step(input.clone());
                }
                assertFalse(result instanceof SaslResult.Success, "garbage authenticated: " + Arrays.toString(input));
                assertInstanceOf(SaslResult.Failure.class, result, "no end after " + MAX_STEPS + " garbage responses");
            }
        }
    }
}
