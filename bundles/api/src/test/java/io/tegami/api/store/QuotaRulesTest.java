package io.tegami.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.user.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Dovecot's quota_rule syntax and quota_test_alloc() arithmetic (quota-util.c, quota.c). */
class QuotaRulesTest {

    private static final long K = 1024;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*:storage=1G          | 1073741824 | 0",
        "*:storage=1024        | 1048576    | 0",   // storage without a unit is in kibibytes
        "*:storage=100M        | 104857600  | 0",
        "*:storage=10k         | 10240      | 0",
        "*:storage=512b        | 512        | 0",
        "*:storage=2T          | 2199023255552 | 0",
        "*:storage=1GB         | 1073741824 | 0",   // only the first letter of the unit counts
        "*:bytes=5000          | 5000       | 0",   // bytes are bytes
        "*:bytes=5k            | 5120       | 0",
        "*:messages=100        | 0          | 100",
        "*:storage=1M:messages=10 | 1048576 | 10",
        "?:storage=0           | 0          | 0",
    })
    void defaultRuleLimits(String rule, long bytes, long messages) {
        QuotaRule r = QuotaRule.parse(rule);
        assertEquals(bytes, r.bytes());
        assertEquals(messages, r.messages());
        assertTrue(r.isDefault());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*:storage=lots        | Invalid storage limit: lots",
        "*:storage=10X         | Invalid rule limit value 'storage=10X': Unknown unit: X",
        "*:size=10             | Unknown rule limit name: size",
        "*:storage=+10M        | Rule limit cannot have '+'",
        "*:storage=10%         | Default rule can't be a percentage",
        "*:storage=-1          | Bytes limit can't be negative",
        "no colon              | Invalid rule: no colon",
    })
    void badRulesAreRefusedWithDovecotsReason(String rule, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> QuotaRule.parse(rule)).getMessage());
    }

    @Test
    void mailboxRulesAddToTheDefaultOrIgnore() {
        QuotaRules rules = QuotaRules.parse(null,
                List.of("*:storage=1M:messages=10", "Trash:storage=+100k", "Junk:ignore", "Archive*:messages=+50%",
                        "inbox:messages=-5"),
                null, null);
        assertTrue(rules.enabled());
        assertTrue(rules.forced());
        assertArrayEquals(new long[] {K * K, 10}, rules.limits("Sent", K * K, 10));
        assertArrayEquals(new long[] {K * K + 100 * K, 10}, rules.limits("Trash", K * K, 10));
        assertArrayEquals(new long[] {0, 0}, rules.limits("Junk", K * K, 10));
        assertArrayEquals(new long[] {K * K, 15}, rules.limits("Archive.2024", K * K, 10));
        assertArrayEquals(new long[] {K * K, 5}, rules.limits("INBOX", K * K, 10), "INBOX matched without case");
        assertTrue(rules.ignored("Junk"));
        assertFalse(rules.ignored("Junky"));
    }

    @Test
    void rulesOfOneMaskUpdateOneRule() {
        QuotaRules rules = QuotaRules.parse(null, List.of("?:storage=1G", "*:messages=100"), null, null);
        assertEquals(1024 * K * K, rules.bytesLimit());
        assertEquals(100, rules.messagesLimit());
        assertTrue(rules.forced(), "a '*' anywhere forces the default rule");
        assertFalse(QuotaRules.parse(null, List.of("?:storage=1G"), null, null).forced());
    }

    @Test
    void theQuotaSettingNamesTheRootAndCanTurnEnforcingOff() {
        QuotaRules rules = QuotaRules.parse("maildir:Mail quota:noenforcing", List.of("*:messages=1"), null, null);
        assertEquals("Mail quota", rules.root());
        assertFalse(rules.enforcing());
        assertDoesNotThrow(() -> rules.check(new Quota("r", 0, 0, 5, 1), "INBOX", 10, 1, false));
        assertEquals(QuotaRules.DEFAULT_ROOT, QuotaRules.parse("maildir", List.of("*:messages=1"), null, null).root());
    }

    @Test
    void userFieldsOverrideParametersAndRulesStopAtTheFirstGap() {
        MapMailParameters params = MapMailParameters.of(Path.of("/tmp"), "quota_rule", "*:storage=1G",
                "quota_rule2", "Trash:ignore", "quota_rule4", "Junk:ignore", "quota_grace", "1M");
        User plain = new User("a", -1, -1, Path.of("/home/a"), Map.of());
        User own = new User("b", -1, -1, Path.of("/home/b"), Map.of("userdb_quota_rule", "*:storage=10M",
                "quota_grace", "5%"));
        QuotaRules p = QuotaRules.forUser(plain, params);
        QuotaRules o = QuotaRules.forUser(own, params);
        assertEquals(1024 * K * K, p.bytesLimit());
        assertTrue(p.ignored("Trash"));
        assertFalse(p.ignored("Junk"), "quota_rule4 is not read after a missing quota_rule3, as in Dovecot");
        assertEquals(K * K, p.graceBytes(p.bytesLimit()));
        assertEquals(10 * K * K, o.bytesLimit());
        assertTrue(o.ignored("Trash"), "a parameter the user does not override still applies");
        assertEquals(10 * K * K / 20, o.graceBytes(o.bytesLimit()));
        assertSame(QuotaRules.NONE, QuotaRules.forUser(plain, MapMailParameters.of(Path.of("/tmp"))));
        assertFalse(QuotaRules.NONE.enabled());
    }

    @Test
    void allocationFollowsDovecotsCeilings() throws Exception {
        QuotaRules rules = QuotaRules.parse(null, List.of("*:storage=100k:messages=10"), "10%", null);
        Quota usage = new Quota("User quota", 90 * K, 100 * K, 5, 10);
        rules.check(usage, "INBOX", 10 * K, 1, false); // exactly fills it
        QuotaException e = assertThrows(QuotaException.class, () -> rules.check(usage, "INBOX", 10 * K + 1, 1, false));
        assertEquals(QuotaException.DEFAULT_MESSAGE, e.getMessage());
        assertEquals(StoreException.Reason.NO_SPACE, e.reason());
        rules.check(usage, "INBOX", 20 * K, 1, true); // a delivery may use the 10 % grace
        assertThrows(QuotaException.class, () -> rules.check(usage, "INBOX", 20 * K + 1, 1, true));
        Quota full = new Quota("User quota", 100 * K, 100 * K, 5, 10);
        assertThrows(QuotaException.class, () -> rules.check(full, "INBOX", 1, 1, true), "no grace once at the limit");
        Quota many = new Quota("User quota", 0, 100 * K, 10, 10);
        assertThrows(QuotaException.class, () -> rules.check(many, "INBOX", 1, 1, true));
        rules.check(new Quota("User quota", 0, 100 * K, 8, 10), "INBOX", 1, 2, false);
        assertThrows(QuotaException.class, () -> rules.check(new Quota("User quota", 0, 100 * K, 8, 10), "INBOX", 1, 3,
                false));
    }

    @Test
    void theExceededMessageIsConfigurable() {
        QuotaRules rules = QuotaRules.parse(null, List.of("*:messages=1"), null, "Mailbox full, sorry");
        Quota usage = new Quota("User quota", 0, 0, 1, 1);
        assertEquals("Mailbox full, sorry",
                assertThrows(QuotaException.class, () -> rules.check(usage, "INBOX", 1, 1, false)).getMessage());
    }

    @Test
    void maildirLimitsAndKibibytes() {
        assertArrayEquals(new long[] {1024, 10}, QuotaRule.maildirLimits("1024S,10C"));
        assertArrayEquals(new long[] {0, 0}, QuotaRule.maildirLimits("NOQUOTA"));
        assertArrayEquals(new long[] {0, 7}, QuotaRule.maildirLimits("7C"));
        assertThrows(IllegalArgumentException.class, () -> QuotaRule.maildirLimits("12X"));
        Quota q = new Quota("r", 1025, 2048, 1, 0);
        assertEquals(2, q.storageUsedKib(), "rounded up, as Dovecot reports STORAGE");
        assertEquals(2, q.storageLimitKib());
        assertTrue(q.limited());
        assertFalse(new Quota("r", 5, 0, 1, 0).limited());
    }
}
