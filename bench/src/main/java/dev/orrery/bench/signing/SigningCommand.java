package dev.orrery.bench.signing;

import dev.orrery.bench.Args;
import dev.orrery.bench.Command;
import dev.orrery.bench.StatusLine;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.MerkleTree;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.TaskSigning;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code bench signing [--hosts N] [--rounds R] [--verify V]}: what signing one task for N hosts
 * costs the center, as the dispatcher does it: the Merkle tree over the hosts, the one Ed25519
 * signature, then every host's proof and encoded Task frame; and what one agent's verification
 * costs (signature and proof, timed over V tasks). Single thread, in this JVM, no network; times are
 * the thread's CPU time (the machine may be shared). The
 * first rounds warm the JIT; the last round's figures are the result. Prints one status line per
 * round: {@code @round tree_ms= sign_us= proofs_ms= frames_ms= total_ms= verify_us=}.
 */
public final class SigningCommand implements Command {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Args a = Args.parse(args, Set.of("hosts", "rounds", "verify"), Set.of());
        int hosts = a.integer("hosts", 100_000, 1, 10_000_000);
        int rounds = a.integer("rounds", 5, 1, 100);
        int verifies = a.integer("verify", 2_000, 1, 1_000_000);
        List<String> ids = IntStream.range(0, hosts).mapToObj(i -> String.format("host-%07d.dc1.example.com", i)).toList();
        KeyPair keys = TaskSigning.generateKeyPair();
        Map<String, String> params = Map.of("command", "uptime", "runAs", "root");
        for (int round = 1; round <= rounds; round++) {
            long t0 = cpu();
            MerkleTree tree = MerkleTree.of(ids);
            long t1 = cpu();
            Task.Seal seal = TaskSigning.seal(keys.getPrivate(), "task-" + round, "cmd", params, null, 60,
                    System.currentTimeMillis() + 360_000, tree);
            long t2 = cpu();
            Task[] sent = new Task[hosts];
            long proofBytes = 0;
            for (int i = 0; i < hosts; i++) {
                byte[] proof = tree.proof(ids.get(i)).orElseThrow();
                proofBytes += proof.length;
                sent[i] = new Task("task-" + round, ids.get(i), "cmd", params, null, 60, seal.forHost(proof));
            }
            long t3 = cpu();
            long frameBytes = 0;
            for (Task t : sent) {
                frameBytes += Frames.encode(t).length;
            }
            long t4 = cpu();
            int ok = 0;
            for (int i = 0; i < verifies; i++) {
                ok += TaskSigning.verify(keys.getPublic(), sent[(int) ((long) i * 7919 % hosts)]) ? 1 : 0;
            }
            long t5 = cpu();
            if (ok != verifies) {
                throw new IllegalStateException("verification failed for " + (verifies - ok) + " tasks");
            }
            out.println(StatusLine.of("round", "round", round, "hosts", hosts, "tree_ms", ms(t1 - t0), "sign_us", (t2 - t1) / 1000,
                    "proofs_ms", ms(t3 - t2), "frames_ms", ms(t4 - t3), "total_ms", ms(t4 - t0),
                    "proof_bytes_avg", proofBytes / hosts, "frame_bytes_avg", frameBytes / hosts,
                    "verify_us", (t5 - t4) / 1000 / verifies).format());
        }
        return 0;
    }

    /** Thread CPU time, not wall time: the machine is shared, and only this thread's work counts. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
