package dev.orrery.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Merkle proofs for the targets of a signed task. */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    private static List<String> hosts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "host-" + i).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 1000})
    void everyHostProvesItsMembershipAndNoOtherHostCan(int n) {
        List<String> hosts = hosts(n);
        MerkleTree tree = MerkleTree.of(hosts);
        byte[] root = tree.root();
        assertEquals(n, tree.size());
        int maxSteps = 64 - Long.numberOfLeadingZeros(n - 1L);
        for (String h : hosts) {
            byte[] proof = tree.proof(h).orElseThrow();
            assertTrue(proof.length / MerkleTree.STEP_BYTES <= maxSteps, "proof length for " + n);
            assertTrue(MerkleTree.verify(h, proof, root), h);
            assertFalse(MerkleTree.verify("other-host", proof, root), "another host with " + h + "'s proof");
            assertFalse(MerkleTree.verify(h + " ", proof, root));
        }
        assertTrue(tree.proof("other-host").isEmpty());
    }

    @Test
    void orderOfTheHostsDoesNotMatterAndDuplicatesCountOnce() {
        List<String> hosts = new ArrayList<>(hosts(100));
        byte[] root = MerkleTree.of(hosts).root();
        Collections.shuffle(hosts, new Random(7));
        hosts.add("host-3");
        MerkleTree again = MerkleTree.of(hosts);
        assertArrayEquals(root, again.root());
        assertEquals(100, again.size());
    }

    @Test
    void anAlteredProofOrRootFails() {
        MerkleTree tree = MerkleTree.of(hosts(3));
        byte[] proof = tree.proof("host-1").orElseThrow();
        byte[] root = tree.root();
        for (int i = 0; i < proof.length; i++) {
            byte[] bad = proof.clone();
            bad[i] ^= 1;
            assertFalse(MerkleTree.verify("host-1", bad, root), "byte " + i);
        }
        byte[] badRoot = root.clone();
        badRoot[31] ^= (byte) 0x80;
        assertFalse(MerkleTree.verify("host-1", proof, badRoot));
        assertFalse(MerkleTree.verify("host-1", new byte[proof.length + 1], root), "not whole steps");
        assertFalse(MerkleTree.verify("host-1", proof, new byte[31]), "short root");
        assertFalse(MerkleTree.verify("host-1", null, root));
        assertFalse(MerkleTree.verify("host-1", new byte[0], root), "an empty proof only fits a one-host tree");
    }

    @Test
    void aOneHostTreeIsItsLeafAndAnEmptyTreeIsRefused() {
        MerkleTree tree = MerkleTree.of(List.of("solo"));
        assertEquals(0, tree.proof("solo").orElseThrow().length);
        assertTrue(MerkleTree.verify("solo", new byte[0], tree.root()));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(List.of()));
    }

    /** Fixed vectors: a change of the leaf or node encoding must be deliberate (agents in the field verify them). */
    @Test
    void fixedVectors() {
        assertEquals("022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c", HEX.formatHex(MerkleTree.of(List.of("a")).root()));
        MerkleTree abc = MerkleTree.of(List.of("c", "a", "b"));
        assertEquals("36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1", HEX.formatHex(abc.root()));
        assertEquals("00022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c01597fcb31282d34654c200d3418fca5705c648ebf326ec73d8ddef11841f876d8", HEX.formatHex(abc.proof("b").orElseThrow()));
    }
}
