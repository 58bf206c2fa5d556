package dev.orrery.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkLockTest {
    @TempDir
    Path work;

    @Test
    void aLiveOwnerKeepsTheFolderAndADeadOneDoesNot() throws Exception {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow(); // alive, not us
        Files.writeString(work.resolve("bench.pid"), Long.toString(parent));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WorkLock.take(work));
        assertTrue(e.getMessage().contains("--work"), e.getMessage());

        Files.writeString(work.resolve("bench.pid"), "999999999"); // no such process
        try (WorkLock lock = WorkLock.take(work)) {
            assertTrue(Files.exists(work.resolve("bench.pid")));
        }
        assertFalse(Files.exists(work.resolve("bench.pid")));
    }
}
