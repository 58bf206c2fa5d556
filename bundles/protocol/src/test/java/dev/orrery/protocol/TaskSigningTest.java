package dev.orrery.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message.Task;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signing a task once for all its hosts, and every check an agent makes. */
class TaskSigningTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 8032, 7.1, test 1. */
    static final String RFC_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String RFC_SIG_EMPTY = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    /** The X.509 SubjectPublicKeyInfo header of an Ed25519 key. */
    static final String X509_PREFIX = "302a300506032b6570032100";
    static final List<String> HOSTS = List.of("web-1", "web-2", "db-1");
    static final long EXPIRES = 1_800_000_000_000L;

    static PrivateKey rfcPrivate() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HEX.parseHex(RFC_SECRET)));
    }

    static PublicKey rfcPublic() {
        return TaskSigning.publicKey(HEX.parseHex(X509_PREFIX + RFC_PUBLIC));
    }

    static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "uptime");
        p.put("runAs", "root");
        return p;
    }

    /** The task as the center sends it to {@code host}. */
    static Task signed(PrivateKey key, String host) {
        MerkleTree tree = MerkleTree.of(HOSTS);
        Task.Seal seal = TaskSigning.seal(key, "t-1", "cmd", params(), "body".getBytes(StandardCharsets.UTF_8), 60, EXPIRES, tree);
        return new Task("t-1", host, "cmd", params(), "body".getBytes(StandardCharsets.UTF_8), 55,
                seal.forHost(tree.proof(host).orElseThrow()));
    }

    @Test
    void theJdkSignsTheRfc8032Vector() throws Exception {
        assertEquals(RFC_SIG_EMPTY, HEX.formatHex(TaskSigning.sign(rfcPrivate(), new byte[0])));
    }

    @Test
    void everyHostVerifiesItsCopy() throws Exception {
        for (String h : HOSTS) {
            assertTrue(TaskSigning.verify(rfcPublic(), signed(rfcPrivate(), h)), h);
        }
    }

    /** Fixed vectors: changing the canonical encoding must be deliberate (bump {@link TaskSigning#VERSION}). */
    @Test
    void fixedVectors() throws Exception {
        byte[] canonical = TaskSigning.canonical("t-1", "cmd", Map.of("b", "2", "a", "1"), new byte[0], 60, EXPIRES, new byte[32]);
        assertEquals("01000000126f7272657279207369676e6564207461736b00000003742d3100000003636d6400000002000000016100000001310000000162000000013200000020e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550000003c000001a3185c5000000000200000000000000000000000000000000000000000000000000000000000000000", HEX.formatHex(canonical));
        assertEquals("e7bbad4f3df9f7721354db8d2015569e5fc3b4a63add4b10e5529a731763b60327d76cdd81ed0d55fd7e34186b5d14e607af8ec2d7e0a5e67646565b3c5ae40b", HEX.formatHex(signed(rfcPrivate(), "web-1").seal().signature()));
    }

    @Test
    void signingIsDeterministicAndParameterOrderDoesNotMatter() throws Exception {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("runAs", "root");
        reversed.put("command", "uptime");
        byte[] a = TaskSigning.canonical("t", "cmd", params(), null, 1, 2, new byte[32]);
        byte[] b = TaskSigning.canonical("t", "cmd", reversed, new byte[0], 1, 2, new byte[32]);
        assertArrayEquals(a, b);
        assertArrayEquals(signed(rfcPrivate(), "web-1").seal().signature(), signed(rfcPrivate(), "web-2").seal().signature());
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertFalse(java.util.Arrays.equals(
                TaskSigning.canonical("t", "cmd", Map.of("ab", "c"), null, 1, 2, new byte[32]),
                TaskSigning.canonical("t", "cmd", Map.of("a", "bc"), null, 1, 2, new byte[32])));
        assertFalse(java.util.Arrays.equals(
                TaskSigning.canonical("t1", "cmd", Map.of(), null, 1, 2, new byte[32]),
                TaskSigning.canonical("t", "1cmd", Map.of(), null, 1, 2, new byte[32])));
    }

    static Stream<Arguments> alterations() {
        byte[] one = {1};
        return Stream.of(
                Arguments.of("taskId", (UnaryOperator<Task>) t -> new Task("t-2", t.hostId(), t.taskType(), t.params(), t.body(), t.timeoutSeconds(), t.seal())),
                Arguments.of("hostId", (UnaryOperator<Task>) t -> new Task(t.taskId(), "web-3", t.taskType(), t.params(), t.body(), t.timeoutSeconds(), t.seal())),
                Arguments.of("another target's id", (UnaryOperator<Task>) t -> new Task(t.taskId(), "web-2", t.taskType(), t.params(), t.body(), t.timeoutSeconds(), t.seal())),
                Arguments.of("type", (UnaryOperator<Task>) t -> new Task(t.taskId(), t.hostId(), "file", t.params(), t.body(), t.timeoutSeconds(), t.seal())),
                Arguments.of("command", (UnaryOperator<Task>) t -> new Task(t.taskId(), t.hostId(), t.taskType(), Map.of("command", "rm -rf /", "runAs", "root"), t.body(), t.timeoutSeconds(), t.seal())),
                Arguments.of("added param", (UnaryOperator<Task>) t -> new Task(t.taskId(), t.hostId(), t.taskType(), with(t.params(), "env.X", "1"), t.body(), t.timeoutSeconds(), t.seal())),
                Arguments.of("removed param", (UnaryOperator<Task>) t -> new Task(t.taskId(), t.hostId(), t.taskType(), Map.of("command", "uptime"), t.body(), t.timeoutSeconds(), t.seal())),
                Arguments.of("body", (UnaryOperator<Task>) t -> new Task(t.taskId(), t.hostId(), t.taskType(), t.params(), one, t.timeoutSeconds(), t.seal())),
                Arguments.of("run time over the signed timeout", (UnaryOperator<Task>) t -> new Task(t.taskId(), t.hostId(), t.taskType(), t.params(), t.body(), 61, t.seal())),
                Arguments.of("signed timeout", (UnaryOperator<Task>) t -> t.withSeal(new Task.Seal(600, t.seal().expiresAt(), t.seal().root(), t.seal().proof(), t.seal().signature()))),
                Arguments.of("expiry", (UnaryOperator<Task>) t -> t.withSeal(new Task.Seal(60, EXPIRES + 1, t.seal().root(), t.seal().proof(), t.seal().signature()))),
                Arguments.of("root", (UnaryOperator<Task>) t -> t.withSeal(new Task.Seal(60, EXPIRES, flip(t.seal().root()), t.seal().proof(), t.seal().signature()))),
                Arguments.of("proof", (UnaryOperator<Task>) t -> t.withSeal(t.seal().forHost(flip(t.seal().proof())))),
                Arguments.of("signature", (UnaryOperator<Task>) t -> t.withSeal(new Task.Seal(60, EXPIRES, t.seal().root(), t.seal().proof(), flip(t.seal().signature())))),
                Arguments.of("short signature", (UnaryOperator<Task>) t -> t.withSeal(new Task.Seal(60, EXPIRES, t.seal().root(), t.seal().proof(), new byte[10]))),
                Arguments.of("unsigned", (UnaryOperator<Task>) t -> t.withSeal(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    void anyAlteredFieldFailsVerification(String what, UnaryOperator<Task> alter) throws Exception {
        Task good = signed(rfcPrivate(), "web-1");
        assertTrue(TaskSigning.verify(rfcPublic(), good));
        assertFalse(TaskSigning.verify(rfcPublic(), alter.apply(good)), what);
    }

    @Test
    void anotherKeyFails() throws Exception {
        KeyPair other = TaskSigning.generateKeyPair();
        assertFalse(TaskSigning.verify(other.getPublic(), signed(rfcPrivate(), "web-1")));
        assertFalse(TaskSigning.verify(null, signed(rfcPrivate(), "web-1")));
        assertTrue(TaskSigning.verify(other.getPublic(), signed(other.getPrivate(), "web-1")));
    }

    @Test
    void aSignedTaskSurvivesTheWire() throws Exception {
        Task t = signed(rfcPrivate(), "db-1");
        Message back = Frames.decode(Frames.encode(t), Frames.DEFAULT_MAX_PAYLOAD);
        assertTrue(TaskSigning.verify(rfcPublic(), (Task) back));
    }

    @Test
    void keysRoundTripAndForeignBytesAreRefused() {
        KeyPair kp = TaskSigning.generateKeyPair();
        assertEquals(kp.getPublic(), TaskSigning.publicKey(kp.getPublic().getEncoded()));
        assertArrayEquals(kp.getPrivate().getEncoded(), TaskSigning.privateKey(kp.getPrivate().getEncoded()).getEncoded());
        assertThrows(IllegalArgumentException.class, () -> TaskSigning.publicKey(new byte[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> TaskSigning.privateKey(new byte[0]));
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> copy = new LinkedHashMap<>(m);
        copy.put(k, v);
        return copy;
    }

    private static byte[] flip(byte[] b) {
        byte[] c = b.clone();
        c[c.length - 1] ^= 1;
        return c;
    }
}
