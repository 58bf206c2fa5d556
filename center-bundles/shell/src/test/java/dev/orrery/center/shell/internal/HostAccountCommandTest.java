package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostAccountCommandTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOYkFv1z0Q1dd6DgQ0eh4pmJ4P5rbSRr7b6GF0i6CB9e me";

    @Test
    void buildsTheTaskParams() {
        assertEquals(Map.of("op", "create", "user", "alice", "sshPublicKey", KEY, "sudo", "true", "kind", "public"),
                HostAccountCommand.params("create", "alice", " " + KEY + " ", true, true));
        assertEquals(Map.of("op", "delete", "user", "alice"), HostAccountCommand.params("delete", "alice", null, true, false));
        assertThrows(IllegalArgumentException.class, () -> HostAccountCommand.params("create", "alice", null, false, false));
        assertThrows(IllegalArgumentException.class, () -> HostAccountCommand.params("keygen", "alice", null, false, false));
        assertThrows(IllegalArgumentException.class, () -> HostAccountCommand.params("delete", "root", null, false, false));
        assertThrows(IllegalArgumentException.class, () -> HostAccountCommand.params("delete", "a;b", null, false, false));
    }

    @Test
    void splitsHostsAndGroups() {
        var t = HostAccountCommand.targets(List.of("web-1", "group:db"), List.of("lab"));
        assertEquals(List.of("web-1"), t.hosts());
        assertEquals(List.of("lab", "db"), t.groups());
        assertThrows(IllegalArgumentException.class, () -> HostAccountCommand.targets(List.of(), null));
    }
}
