package dev.orrery.agent.cmd.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Kills a command's whole process tree: the leader, its descendants, and (when the leader was
 * started as a session leader) every process of its session, which also catches orphans that
 * were re-parented away from the tree, such as {@code (sleep 1000 &)}. SIGTERM first, SIGKILL
 * after a grace period. Never signals this JVM or its ancestors.
 */
final class ProcessTree {
    private static final Path PROC = Path.of("/proc");
    private static final int KILL_ROUNDS = 3;

    private ProcessTree() {
    }

    /**
     * Blocks for at most about {@code graceMillis} plus a few seconds.
     *
     * @param leader the process the agent started
     * @param ownSession whether the leader leads its own session (started through {@code setsid})
     * @param graceMillis time between SIGTERM and SIGKILL
     */
    static void kill(ProcessHandle leader, boolean ownSession, long graceMillis) {
        Set<ProcessHandle> members = members(leader, ownSession);
        members.forEach(ProcessHandle::destroy);
        awaitExit(members, graceMillis);
        for (int round = 0; round < KILL_ROUNDS; round++) {
            // re-scan each round: a member may have forked between the scan and the signal
            Set<ProcessHandle> left = members(leader, ownSession);
            if (left.isEmpty()) {
                return;
            }
            left.forEach(ProcessHandle::destroyForcibly);
            awaitExit(left, 1000);
        }
    }

    /**
     * @param leader the process the agent started
     * @param ownSession whether to include every process of the leader's session
     * @return the live members of the tree
     */
    static Set<ProcessHandle> members(ProcessHandle leader, boolean ownSession) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        if (leader.isAlive()) {
            all.add(leader);
        }
        leader.descendants().forEach(all::add);
        if (ownSession) {
            sessionMembers(leader.pid()).forEach(all::add);
        }
        for (ProcessHandle h = ProcessHandle.current(); h != null; h = h.parent().orElse(null)) {
            all.remove(h); // never this JVM nor whatever started it
        }
        all.removeIf(h -> !h.isAlive());
        return all;
    }

    private static Stream<ProcessHandle> sessionMembers(long sid) {
        if (!Files.isDirectory(PROC)) {
            return Stream.empty();
        }
        try (Stream<Path> dirs = Files.list(PROC)) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
                    .filter(n -> sessionOf(n) == sid)
                    .map(n -> ProcessHandle.of(Long.parseLong(n)))
                    .flatMap(o -> o.stream())
                    .toList().stream();
        } catch (IOException | RuntimeException e) {
            return Stream.empty();
        }
    }

    /** @return the session id from {@code /proc/PID/stat}, or -1 (gone, zombie, unreadable) */
    private static long sessionOf(String pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid).resolve("stat"));
            // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return f[0].equals("Z") ? -1 : Long.parseLong(f[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void awaitExit(Set<ProcessHandle> handles, long millis) {
        if (handles.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the next round deals with what is left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
