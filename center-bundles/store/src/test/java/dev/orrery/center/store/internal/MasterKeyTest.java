package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
    @TempDir
    Path dir;

    @Test
    void createdOwnerOnlyAndReusedAfterRestart() throws Exception {
        Path file = dir.resolve("orrery/master.key");
        FileMasterKey first = new FileMasterKey(file);
        assertEquals(32, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] sealed = first.seal("s3cret".getBytes(StandardCharsets.UTF_8));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("s3cret"));
        FileMasterKey again = new FileMasterKey(file);
        assertArrayEquals("s3cret".getBytes(StandardCharsets.UTF_8), again.open(sealed));
        assertArrayEquals(first.mac("audit", new byte[] {1}), again.mac("audit", new byte[] {1}));
    }

    @Test
    void sealingTwiceGivesDifferentBytes() {
        FileMasterKey key = new FileMasterKey(dir.resolve("k"));
        byte[] plain = {1, 2, 3};
        assertFalse(Arrays.equals(key.seal(plain), key.seal(plain)));
    }

    @Test
    void alteredOrForeignSealedValuesAreRefused() {
        FileMasterKey key = new FileMasterKey(dir.resolve("a"));
        FileMasterKey other = new FileMasterKey(dir.resolve("b"));
        byte[] sealed = key.seal(new byte[] {7, 7, 7});
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> key.open(altered));
        assertThrows(IllegalArgumentException.class, () -> other.open(sealed));
        assertThrows(IllegalArgumentException.class, () -> key.open(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> key.open(null));
    }

    @Test
    void macsDependOnPurpose() {
        FileMasterKey key = new FileMasterKey(dir.resolve("m"));
        assertFalse(Arrays.equals(key.mac("audit", new byte[] {1}), key.mac("other", new byte[] {1})));
    }

    @Test
    void aKeyFileOfTheWrongSizeStopsTheCenter() throws Exception {
        Path file = dir.resolve("short.key");
        Files.write(file, new byte[5]);
        assertThrows(IllegalStateException.class, () -> new FileMasterKey(file));
    }
}
