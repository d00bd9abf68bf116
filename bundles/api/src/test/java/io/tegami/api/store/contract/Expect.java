package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tegami.api.store.StoreException;
import org.junit.jupiter.api.function.Executable;

/** Assertion helpers for the contract tests. */
public final class Expect {

    private Expect() {
    }

    /** Runs a call that must fail with a {@link StoreException}, and returns its reason. */
    public static StoreException.Reason failure(Executable call) {
        return assertThrows(StoreException.class, call).reason();
    }
}
