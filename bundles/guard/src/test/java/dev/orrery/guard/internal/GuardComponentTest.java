package dev.orrery.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class GuardComponentTest {
    private static GuardConfig config(boolean enabled, String[] disabled, String[] paths, String[] extra) {
        return new GuardConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return GuardConfig.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String[] disabledRules() {
                return disabled;
            }

            @Override
            public String[] systemPaths() {
                return paths;
            }

            @Override
            public String[] extraRules() {
                return extra;
            }
        };
    }

    private static final String[] NONE = {};

    @Test
    void defaults() {
        GuardComponent g = new GuardComponent(config(true, NONE, NONE, NONE));
        assertEquals("root-destroy", g.check("rm -rf /").rule());
        assertFalse(g.check("ls").blocked());
    }

    @Test
    void disabledRule() {
        GuardComponent g = new GuardComponent(config(true, new String[] {"power", " "}, NONE, NONE));
        assertFalse(g.check("reboot").blocked());
        assertTrue(g.check("rm -rf /").blocked());
    }

    @Test
    void extraRuleAndItsDisabling() {
        GuardComponent g = new GuardComponent(config(true, NONE, new String[] {"/data"},
                new String[] {"no-crontab-remove=^crontab .*-r", "no-tcpdump=^tcpdump( |$)"}));
        assertEquals("no-crontab-remove", g.check("sudo crontab -u x -r").rule());
        assertEquals("no-tcpdump", g.check("tcpdump").rule());
        assertEquals("root-destroy", g.check("rm -rf /data").rule());
        GuardComponent off = new GuardComponent(config(true, new String[] {"no-tcpdump"}, NONE,
                new String[] {"no-tcpdump=^tcpdump"}));
        assertFalse(off.check("tcpdump -i any").blocked());
    }

    @Test
    void badSettingsFailTheActivationNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GuardComponent(config(true, NONE, NONE, new String[] {"bad=(unclosed"})));
        assertTrue(e.getMessage().contains("extraRules") && e.getMessage().contains("bad"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GuardComponent(config(true, NONE, NONE, new String[] {"no-equals-sign"})));
        assertTrue(e.getMessage().contains("extraRules"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GuardComponent(config(true, NONE, NONE, new String[] {"power=x"})));
        assertTrue(e.getMessage().contains("power"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GuardComponent(config(true, new String[] {"nope"}, NONE, NONE)));
        assertTrue(e.getMessage().contains("disabledRules"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GuardComponent(config(true, NONE, new String[] {"data"}, NONE)));
        assertTrue(e.getMessage().contains("systemPaths"), e.getMessage());
    }

    @Test
    void disabled() {
        assertFalse(new GuardComponent(config(false, NONE, NONE, NONE)).check("rm -rf /").blocked());
    }
}
