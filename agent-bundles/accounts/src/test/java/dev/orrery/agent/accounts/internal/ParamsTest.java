package dev.orrery.agent.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invalid input is refused with BAD_TASK before anything runs; invalid settings fail activation. */
class ParamsTest {

    private static Failure refused(String... kv) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return assertThrows(Failure.class, () -> AccountParams.parse(new TaskRequest("t", "h", "accounts", params, null, 0)));
    }

    @Test
    void refusesBadParams() {
        String key = ScratchRoot.key(1, "");
        assertTrue(refused("op", "chmod", "user", "alice").getMessage().contains("'op'"));
        for (String user : new String[] {"", "Alice", "a;rm -rf /", "-x", "a".repeat(33), "al ice", "../etc"}) {
            assertEquals(ErrorCode.BAD_TASK, refused("op", "delete", "user", user).code(), user);
        }
        assertTrue(refused("op", "create", "user", "alice").getMessage().contains("sshPublicKey"));
        assertTrue(refused("op", "create", "user", "alice", "sshPublicKey", key + "\nssh-rsa AAAA").getMessage().contains("one line"));
        assertTrue(refused("op", "create", "user", "alice", "sshPublicKey", "ssh-dss AAAAB3Nz").getMessage().contains("type"));
        assertTrue(refused("op", "create", "user", "alice", "sshPublicKey", "command=\"sh\" " + key).getMessage().contains("type"));
        assertTrue(refused("op", "create", "user", "alice", "sshPublicKey", key.replace("ssh-ed25519 ", "ssh-rsa "))
                .getMessage().contains("does not hold"));
        assertTrue(refused("op", "create", "user", "alice", "sshPublicKey", key, "kind", "shared").getMessage().contains("kind"));
        assertTrue(refused("op", "create", "user", "alice", "sshPublicKey", key, "sudo", "yes").getMessage().contains("sudo"));
    }

    @Test
    void acceptsAWellFormedKeyWithAComment() throws Failure {
        SshKey k = SshKey.parse(ScratchRoot.key(9, "me@my laptop") + "\n");
        assertEquals("me@my laptop", k.comment());
        assertTrue(k.sameKey(SshKey.parse(ScratchRoot.key(9, ""))));
    }

    @Test
    void invalidSettingsFailActivation() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> AccountsSettings.of("relative", 24, 30, "/bin/bash"));
        assertThrows(IllegalArgumentException.class, () -> AccountsSettings.of("/no/such/folder/x", 24, 30, "/bin/bash"));
        assertThrows(IllegalArgumentException.class, () -> AccountsSettings.of("/", -1, 30, "/bin/bash"));
        assertThrows(IllegalArgumentException.class, () -> AccountsSettings.of("/", 24, 0, "/bin/bash"));
        assertThrows(IllegalArgumentException.class, () -> AccountsSettings.of("/", 24, 30, "bash; id"));
        assertTrue(AccountsSettings.of("/", 24, 30, "/bin/bash").hostRoot());
        try (ScratchRoot s = new ScratchRoot()) {
            assertThrows(IllegalArgumentException.class, () -> s.settings().under("/../../etc"));
        }
    }
}
