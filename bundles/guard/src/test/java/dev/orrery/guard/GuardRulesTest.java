package dev.orrery.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GuardRulesTest {
    @Test
    void aDisabledRuleLetsItsCommandsPass() {
        Guard g = new Guard(GuardRules.builder().disable("power").build());
        assertFalse(g.check("reboot").blocked());
        assertEquals("root-destroy", g.check("reboot; rm -rf /").rule());
    }

    @Test
    void aDisabledGuardAllowsEverything() {
        assertFalse(new Guard(GuardRules.builder().enabled(false).build()).check("rm -rf /").blocked());
    }

    @Test
    void extraRulesSeeEveryWrapperLevelNormalized() {
        Guard g = new Guard(GuardRules.builder().extraRule("no-flush", "^iptables .*-F").build());
        Verdict v = g.check("sudo /sbin/iptables -t nat -F");
        assertTrue(v.blocked());
        assertEquals("no-flush", v.rule());
        assertTrue(v.reason().contains("iptables -t nat -F"), v.reason());
        assertFalse(g.check("iptables -L").blocked());
        assertTrue(new Guard(GuardRules.builder().extraRule("s", "^sudo ").build()).check("sudo ls").blocked());
    }

    @Test
    void extraSystemPaths() {
        Guard g = new Guard(GuardRules.builder().systemPath("/data").build());
        assertEquals("root-destroy", g.check("rm -rf /data/*").rule());
        assertFalse(Guard.withDefaults().check("rm -rf /data/*").blocked());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> GuardRules.builder().extraRule("x", "(").build());
        assertThrows(IllegalArgumentException.class, () -> GuardRules.builder().extraRule("power", "x").build());
        assertThrows(IllegalArgumentException.class, () -> GuardRules.builder().extraRule("a", "x").extraRule("a", "y"));
        assertThrows(IllegalArgumentException.class, () -> GuardRules.builder().extraRule("Bad Id", "x"));
        assertThrows(IllegalArgumentException.class, () -> GuardRules.builder().disable("no-such-rule").build());
        assertThrows(IllegalArgumentException.class, () -> GuardRules.builder().systemPath("relative"));
    }

    @Test
    void verdictsAreOneLine() {
        Verdict v = Guard.withDefaults().check("rm -rf /etc");
        assertEquals(new Verdict(true, "root-destroy", "rm -rf on /etc (system folder)"), v);
        assertEquals(Verdict.allowed(), Guard.withDefaults().check("ls"));
        assertFalse(Guard.withDefaults().check(null).blocked());
    }
}
