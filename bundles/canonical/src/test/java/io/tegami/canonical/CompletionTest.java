package io.tegami.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.tegami.api.rewrite.RewriteContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {

    @TempDir
    Path home;

    private String local(Fixture f, String address) {
        return new Completion(f.parameters).complete(address, RewriteContext.LOCAL);
    }

    @Test
    void bareLocalPartGetsMyorigin() {
        Fixture f = new Fixture(home);
        assertEquals("root@mail.example.com", local(f, "root"));
        f.set("myorigin", "$mydomain");
        assertEquals("root@example.com", local(f, "root"));
    }

    @Test
    void appendAtMyoriginNoLeavesBareNames() {
        Fixture f = new Fixture(home).set("append_at_myorigin", "no");
        assertEquals("root", local(f, "root"));
    }

    @Test
    void appendDotMydomainIsOffByDefaultAsInPostfix3() {
        Fixture f = new Fixture(home);
        assertEquals("joe@host", local(f, "joe@host"));
        f.set("append_dot_mydomain", "yes");
        assertEquals("joe@host.example.com", local(f, "joe@host"));
        assertEquals("joe@host.other.org", local(f, "joe@host.other.org"), "a dotted domain is complete");
        assertEquals("joe@[192.0.2.1]", local(f, "joe@[192.0.2.1]"), "a domain literal is left alone");
    }

    @Test
    void bangPathAndPercentHack() {
        Fixture f = new Fixture(home);
        assertEquals("user@site", local(f, "site!user"));
        assertEquals("user@site", local(f, "user%site"));
        assertEquals("a%b@c.org", local(f, "a%b@c.org"), "only addresses without @ are touched");
        f.set("swap_bangpath", "no").set("allow_percent_hack", "no");
        assertEquals("site!user@mail.example.com", local(f, "site!user"));
        assertEquals("user%site@mail.example.com", local(f, "user%site"));
    }

    @Test
    void sourceRouteAndTrailingDotAreStripped() {
        Fixture f = new Fixture(home);
        assertEquals("user@dest.org", local(f, "@relay1.org,@relay2.org:user@dest.org"));
        assertEquals("user@example.org", local(f, "user@example.org."));
        assertEquals("user@", local(f, "user@"), "bogus forms stay for diagnostics");
    }

    @Test
    void remoteContextUsesRemoteHeaderRewriteDomainOnly() {
        Fixture f = new Fixture(home).set("append_dot_mydomain", "yes");
        Completion c = new Completion(f.parameters);
        assertEquals("root", c.complete("root", RewriteContext.REMOTE), "nothing appended when the domain is empty");
        f.set("remote_header_rewrite_domain", "domain.invalid");
        assertEquals("root@domain.invalid", c.complete("root", RewriteContext.REMOTE));
        assertEquals("joe@host.domain.invalid", c.complete("joe@host", RewriteContext.REMOTE));
    }
}
