package io.tegami.auth.plain;

import java.util.Arrays;
import java.util.Optional;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslResult;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;

/** The last step of PLAIN and LOGIN: one password check against the user directory. */
final class PasswordCheck {

    private PasswordCheck() {
    }

    /**
     * Checks {@code password} for {@code name} and wipes it, whatever happens.
     *
     * @return success with the directory's user, or a failure that does not say whether the user exists
     */
    static SaslResult verify(SaslContext context, String name, char[] password) {
        try {
            Optional<User> user = context.users().authenticate(name, password, context.clientAddress());
            return user.<SaslResult>map(SaslResult.Success::of)
                    .orElseGet(() -> SaslResult.Failure.of("authentication failure", name));
        } catch (DirectoryException e) {
            return SaslResult.Failure.temporary("user directory failed: " + e.getMessage(), name);
        } catch (RuntimeException e) {
            // A directory bug must not reach the protocol as an exception; the client may retry.
            return SaslResult.Failure.temporary("user directory failed: " + e, name);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
