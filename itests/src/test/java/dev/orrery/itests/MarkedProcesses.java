package dev.orrery.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Processes that carry a unique marker in their environment ({@code NAME=<uuid>}, passed in a
 * task's {@code env}): every process a command starts inherits it, whatever its command line, so
 * {@link #find()} sees the whole process tree a test started through an agent, and nothing else.
 */
final class MarkedProcesses {
    static final String NAME = "ORRERY_IT_MARKER";
    private final String value = UUID.randomUUID().toString();

    /** @return the marker's value, for a task's {@code env.ORRERY_IT_MARKER} */
    String value() {
        return value;
    }

    /** @return pids of the live processes whose environment holds the marker (read from /proc) */
    List<Long> find() {
        byte[] needle = (NAME + "=" + value).getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses().filter(p -> environContains(p.pid(), needle)).map(ProcessHandle::pid).toList();
    }

    /** Kills every marked process; @return how many there were. */
    int killAll() {
        List<Long> left = find();
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        return left.size();
    }

    private static boolean environContains(long pid, byte[] needle) {
        byte[] env;
        try {
            env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | SecurityException e) {
            return false; // gone, or not ours to read
        }
        outer:
        for (int i = 0; i + needle.length <= env.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (env[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
