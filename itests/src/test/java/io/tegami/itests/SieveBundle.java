package io.tegami.itests;

import static org.junit.Assert.assertNotNull;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The sieve bundle of a Pax Exam container, for the tests that stop it and start it again. */
final class SieveBundle {

    static final String ENGINE = "io.tegami.api.sieve.SieveEngine";

    private SieveBundle() {
    }

    /** The installed {@code io.tegami.sieve} bundle; fails the test when there is none. */
    static Bundle of(BundleContext context) {
        Bundle sieve = null;
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals("io.tegami.sieve")) {
                sieve = b;
            }
        }
        assertNotNull("no io.tegami.sieve bundle", sieve);
        return sieve;
    }

    /** Waits up to 20 s for a service named {@code name}; fails the test when it does not come. */
    static void awaitService(BundleContext context, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && context.getServiceReference(name) == null) {
            Thread.sleep(100);
        }
        assertNotNull(name + " is not registered", context.getServiceReference(name));
    }
}
