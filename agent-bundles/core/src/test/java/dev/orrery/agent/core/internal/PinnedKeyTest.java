package dev.orrery.agent.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.TaskSigning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The center's key is pinned at the first registration; a different one later is refused. */
class PinnedKeyTest {
    private final KeyPair first = TaskSigning.generateKeyPair();
    private final KeyPair second = TaskSigning.generateKeyPair();

    @TempDir
    Path dir;

    @Test
    void pinsTheFirstKeyAndRefusesAnotherOne() throws Exception {
        Path file = dir.resolve("sub/center-task-key.pem");
        PinnedKey pinned = new PinnedKey(file, false);
        assertTrue(pinned.get().isEmpty());
        assertFalse(pinned.offer(new byte[0]), "a welcome without a key pins nothing");
        assertTrue(pinned.offer(first.getPublic().getEncoded()));
        String pem = Files.readString(file);
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        assertTrue(pinned.offer(first.getPublic().getEncoded()), "the same key again");
        assertFalse(pinned.offer(second.getPublic().getEncoded()), "a different key is refused");
        assertFalse(pinned.offer(new byte[] {1, 2, 3}), "garbage is refused");
        assertArrayEquals(first.getPublic().getEncoded(), pinned.get().orElseThrow().getEncoded());
        assertEquals(pem, Files.readString(file), "the pinned file is untouched");
        PinnedKey restarted = new PinnedKey(file, false);
        assertArrayEquals(first.getPublic().getEncoded(), restarted.get().orElseThrow().getEncoded());
    }

    @Test
    void anOperatorMayPinBeforehandOrRepin() throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, PinnedKey.pem(second.getPublic().getEncoded()));
        PinnedKey pinned = new PinnedKey(file, false);
        assertFalse(pinned.offer(first.getPublic().getEncoded()), "the provisioned key wins over the network");
        PinnedKey repin = new PinnedKey(file, true);
        assertTrue(repin.offer(first.getPublic().getEncoded()));
        assertArrayEquals(first.getPublic().getEncoded(), new PinnedKey(file, false).get().orElseThrow().getEncoded());
    }

    @Test
    void anUnreadableKeyFileStopsTheAgent() throws Exception {
        Path file = dir.resolve("bad.pem");
        Files.writeString(file, "not a key");
        assertThrows(IllegalArgumentException.class, () -> new PinnedKey(file, false));
    }
}
