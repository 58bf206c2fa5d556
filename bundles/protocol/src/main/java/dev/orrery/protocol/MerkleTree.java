package dev.orrery.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A Merkle tree over the host ids of a task, so that one signature covers every target and each
 * host can check, with a proof of about log2(n) hashes, that the task names it. Leaves are
 * {@code SHA-256(0x00 || UTF-8(hostId))}, sorted as unsigned bytes (duplicates dropped); an inner
 * node is {@code SHA-256(0x01 || left || right)}; a node without a sibling moves up a level
 * unchanged (never duplicated). A proof is a sequence of 33-byte steps, from the leaf up: one side
 * byte ({@code 0}: the sibling is on the left, {@code 1}: on the right) and the sibling's hash.
 * Each level is one flat array, so a tree of 100,000 hosts holds about 6.4 MB. Immutable.
 */
public final class MerkleTree {
    /** Bytes of a hash. */
    public static final int HASH_BYTES = 32;
    /** Bytes of one proof step: side and sibling hash. */
    public static final int STEP_BYTES = 1 + HASH_BYTES;
    /** Most steps a proof may have (a tree of 2^40 leaves); longer proofs are refused. */
    public static final int MAX_STEPS = 40;

    /** levels[0] are the sorted leaves, the last level is the root alone; each is n * 32 bytes. */
    private final byte[][] levels;

    private MerkleTree(byte[][] levels) {
        this.levels = levels;
    }

    /**
     * @param hostIds the task's hosts, in any order, at least one
     * @return the tree
     * @throws IllegalArgumentException for no hosts
     */
    public static MerkleTree of(Collection<String> hostIds) {
        if (hostIds.isEmpty()) {
            throw new IllegalArgumentException("a task names at least one host");
        }
        MessageDigest md = sha256();
        byte[][] leaves = new byte[hostIds.size()][];
        int i = 0;
        for (String h : hostIds) {
            leaves[i++] = leaf(md, h);
        }
        Arrays.sort(leaves, Arrays::compareUnsigned);
        byte[] level = new byte[leaves.length * HASH_BYTES];
        int n = 0;
        for (int k = 0; k < leaves.length; k++) {
            if (k == 0 || !Arrays.equals(leaves[k], leaves[k - 1])) {
                System.arraycopy(leaves[k], 0, level, n++ * HASH_BYTES, HASH_BYTES);
            }
        }
        List<byte[]> all = new ArrayList<>();
        all.add(Arrays.copyOf(level, n * HASH_BYTES));
        while (n > 1) {
            byte[] prev = all.get(all.size() - 1);
            int up = (n + 1) / 2;
            byte[] next = new byte[up * HASH_BYTES];
            for (int k = 0; k < n / 2; k++) {
                md.update((byte) 1);
                md.update(prev, 2 * k * HASH_BYTES, 2 * HASH_BYTES);
                digestInto(md, next, k * HASH_BYTES);
            }
            if (n % 2 == 1) {
                System.arraycopy(prev, (n - 1) * HASH_BYTES, next, (up - 1) * HASH_BYTES, HASH_BYTES);
            }
            all.add(next);
            n = up;
        }
        return new MerkleTree(all.toArray(new byte[0][]));
    }

    /** @return the root, 32 bytes */
    public byte[] root() {
        return levels[levels.length - 1].clone();
    }

    /** @return how many distinct hosts the tree holds */
    public int size() {
        return levels[0].length / HASH_BYTES;
    }

    /**
     * @param hostId a host
     * @return its proof, or empty if the tree does not hold it
     */
    public Optional<byte[]> proof(String hostId) {
        byte[] leaf = leaf(sha256(), hostId);
        int index = find(levels[0], leaf);
        if (index < 0) {
            return Optional.empty();
        }
        byte[] proof = new byte[(levels.length - 1) * STEP_BYTES];
        int steps = 0;
        for (int l = 0; l < levels.length - 1; l++, index /= 2) {
            int count = levels[l].length / HASH_BYTES;
            int sibling = index ^ 1;
            if (sibling >= count) {
                continue; // no sibling: the node moves up unchanged
            }
            proof[steps * STEP_BYTES] = (byte) (sibling < index ? 0 : 1);
            System.arraycopy(levels[l], sibling * HASH_BYTES, proof, steps * STEP_BYTES + 1, HASH_BYTES);
            steps++;
        }
        return Optional.of(Arrays.copyOf(proof, steps * STEP_BYTES));
    }

    /**
     * @param hostId the host that checks
     * @param proof its proof, as {@link #proof} made it
     * @param root the signed root
     * @return whether the proof leads from the host's leaf to the root
     */
    public static boolean verify(String hostId, byte[] proof, byte[] root) {
        if (proof == null || root == null || root.length != HASH_BYTES || proof.length % STEP_BYTES != 0
                || proof.length / STEP_BYTES > MAX_STEPS) {
            return false;
        }
        MessageDigest md = sha256();
        byte[] h = leaf(md, hostId);
        for (int at = 0; at < proof.length; at += STEP_BYTES) {
            int side = proof[at];
            if (side != 0 && side != 1) {
                return false;
            }
            md.update((byte) 1);
            if (side == 0) {
                md.update(proof, at + 1, HASH_BYTES);
                md.update(h);
            } else {
                md.update(h);
                md.update(proof, at + 1, HASH_BYTES);
            }
            h = md.digest();
        }
        return MessageDigest.isEqual(h, root);
    }

    private static byte[] leaf(MessageDigest md, String hostId) {
        md.update((byte) 0);
        md.update(hostId.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    private static int find(byte[] level, byte[] leaf) {
        int lo = 0;
        int hi = level.length / HASH_BYTES - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(level, mid * HASH_BYTES, (mid + 1) * HASH_BYTES, leaf, 0, HASH_BYTES);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static void digestInto(MessageDigest md, byte[] out, int offset) {
        try {
            md.digest(out, offset, HASH_BYTES);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
