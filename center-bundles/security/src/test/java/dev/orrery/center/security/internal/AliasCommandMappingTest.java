package dev.orrery.center.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AliasCommandMappingTest {
    private final MemoryAccountStore store = new MemoryAccountStore();
    private final AliasCommandMapping mapping = new AliasCommandMapping(store);
    private ApiAccount mapped;
    private ApiAccount other;
    private Map<String, String> a;

    @BeforeEach
    void accounts() {
        mapped = new ApiAccount("key-1", "s", "m", "operator", true, 1L, List.of(), List.of(), true, List.of());
        other = new ApiAccount("key-2", "s", "o", "operator", true, 1L, List.of(), List.of(), true, List.of());
        store.create(mapped);
        store.create(other);
        a = store.aliases("key-1", List.of("uptime", "grep", "sudo", "reboot", "sh", "/usr/bin/id"));
        store.aliases("key-2", List.of("uptime"));
    }

    private OrreryException unmapped(ApiAccount account, String command) {
        OrreryException e = assertThrows(OrreryException.class, () -> mapping.expand(account, command));
        assertEquals(ErrorCode.CMD_UNMAPPED, e.code(), e.getMessage());
        return e;
    }

    @Test
    void anAccountWithoutMappingSendsCommandsAsTheyAre() {
        ApiAccount plain = new ApiAccount("key-3", "s", "p", "operator", true, 1L);
        assertEquals("reboot now", mapping.expand(plain, "reboot now"));
    }

    @Test
    void expandsEveryProgramWord() {
        assertEquals("uptime", mapping.expand(mapped, a.get("uptime")));
        assertEquals("uptime -p | grep up", mapping.expand(mapped, a.get("uptime") + " -p | " + a.get("grep") + " up"));
        assertEquals("sudo reboot", mapping.expand(mapped, a.get("sudo") + " " + a.get("reboot")));
        assertEquals("X=1 /usr/bin/id -u && uptime", mapping.expand(mapped, "X=1 " + a.get("/usr/bin/id") + " -u && " + a.get("uptime")));
        assertEquals("grep $(uptime)", mapping.expand(mapped, a.get("grep") + " $(" + a.get("uptime") + ")"));
        assertEquals("sh -c 'reboot'", mapping.expand(mapped, a.get("sh") + " -c '" + a.get("reboot") + "'"));
        assertEquals("sudo sh -c 'uptime; reboot'", mapping.expand(mapped, a.get("sudo") + " " + a.get("sh") + " -c '" + a.get("uptime")
                + "; " + a.get("reboot") + "'"));
    }

    @Test
    void refusesRawProgramsAndOtherAccountsAliases() {
        OrreryException e = unmapped(mapped, "reboot");
        assertEquals(List.of("reboot"), e.details());
        e = unmapped(mapped, a.get("uptime") + " | grep x; ls");
        assertEquals(List.of("grep", "ls"), e.details());
        assertTrue(e.getMessage().contains("grep"), e.getMessage());
        unmapped(other, a.get("uptime"));
        unmapped(mapped, "'" + a.get("uptime") + "'");
        unmapped(mapped, a.get("sh") + " -c 'reboot'");
        unmapped(mapped, a.get("sudo") + " reboot");
        unmapped(mapped, "echo 'unbalanced");
    }
}
