package dev.orrery.protocol;

import static dev.orrery.protocol.Bytes.frame;
import static dev.orrery.protocol.Samples.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.orrery.api.HostTaskState;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Payloads whose framing is fine but whose fields lie: bad enums, lengths, counts, missing ids. */
class FieldRefusalTest {
    private static final int MAX = Frames.DEFAULT_MAX_PAYLOAD;

    private static void refused(String expectedText, Executable decode) {
        ProtocolException e = assertThrows(ProtocolException.class, decode);
        assertTrue(e.getMessage().contains(expectedText), () -> "message '" + e.getMessage() + "' lacks '" + expectedText + "'");
    }

    private static void refused(String expectedText, MessageType type, WireWriter payload) {
        refused(expectedText, () -> Frames.decode(frame(type.code(), payload.toByteArray()), MAX));
    }

    @Test
    void unknownEnumOrdinalsAreRefused() {
        refused("unknown role 2", MessageType.HELLO, new WireWriter().u8(2).str("h").str("").str("").str(""));
        refused("unknown ack kind 5", MessageType.ACK, new WireWriter().str("t").str("h").u8(5));
        refused("unknown ack kind 255", MessageType.ACK, new WireWriter().str("t").str("h").u8(255));
    }

    @Test
    void resultMustCarryAFinalState() {
        for (HostTaskState s : HostTaskState.values()) {
            WireWriter w = resultWith(s.ordinal(), 0);
            if (s.isFinal()) {
                Frames.decode(frame(MessageType.RESULT.code(), w.toByteArray()), MAX);
            } else {
                refused("result state must be final", MessageType.RESULT, w);
            }
        }
        refused("result state must be final", MessageType.RESULT, resultWith(HostTaskState.values().length, 0));
    }

    @Test
    void booleanMustBeZeroOrOne() {
        refused("bad boolean 2", MessageType.RESULT, resultWith(HostTaskState.SUCCEEDED.ordinal(), 2));
    }

    private static WireWriter resultWith(int state, int truncated) {
        return new WireWriter().str("t").str("h").u8(state).i32(0).bytes(new byte[0]).bytes(new byte[0]).u8(truncated)
                .str(null).str(null).i64(0).i64(0);
    }

    @Test
    void lyingLengthsAreRefused() {
        refused("negative length -2", MessageType.CANCEL, new WireWriter().i32(-2));
        // a string announcing 2 GiB inside a 4-byte payload: refused before any allocation
        refused("truncated payload", MessageType.CANCEL, new WireWriter().i32(Integer.MAX_VALUE));
        refused("truncated payload", MessageType.CANCEL, new WireWriter().i32(5).u8('a'));
    }

    @Test
    void lyingCountsAreRefused() {
        refused("bad count -1", MessageType.REPORT, new WireWriter().str("c").i32(-1).i32(0));
        refused("bad count " + Integer.MAX_VALUE, MessageType.REPORT, new WireWriter().str("c").i32(Integer.MAX_VALUE).i32(0));
        refused("bad count 3", MessageType.TASK,
                new WireWriter().str("t").str("h").str("cmd").i32(3).str("k").str("v").bytes(null).i32(0));
    }

    @Test
    void nullInsideListsAndMapsIsRefused() {
        refused("null in list", MessageType.REPORT, new WireWriter().str("c").i32(1).str(null).i32(0));
        refused("null in map", MessageType.TASK,
                new WireWriter().str("t").str("h").str("cmd").i32(1).str("k").str(null).bytes(null).i32(0));
        refused("null in map", MessageType.TASK,
                new WireWriter().str("t").str("h").str("cmd").i32(1).str(null).str("v").bytes(null).i32(0));
    }

    @Test
    void requiredIdsMustBePresent() {
        refused("missing hostId", MessageType.CANCEL, new WireWriter().str("t").str(null));
        refused("missing taskId", MessageType.CANCEL, new WireWriter().str("").str("h"));
        refused("missing id", MessageType.HELLO, new WireWriter().u8(0).str("").str("").str("").str(""));
        refused("missing channelId", MessageType.REPORT, new WireWriter().str(null).strList(List.of()).i32(0));
        refused("missing hostId", MessageType.REGISTER,
                new WireWriter().str("tok").str(null).str("n").strList(null).str("").str("").strList(null).str(""));
    }

    /** Random bytes and random corruptions of valid frames decode or fail with a ProtocolException: nothing else. */
    @Test
    void fuzzedInputOnlyEverFailsAsAProtocolException() {
        Random random = new Random(20240611L);
        List<Message> samples = Samples.all();
        for (int i = 0; i < 20_000; i++) {
            Message m = samples.get(random.nextInt(samples.size()));
            byte[] f = Frames.encode(m);
            int flips = 1 + random.nextInt(3);
            for (int k = 0; k < flips; k++) {
                int at = Frames.HEADER_BYTES + random.nextInt(Math.max(1, f.length - Frames.HEADER_BYTES));
                if (at < f.length) {
                    f[at] = (byte) random.nextInt(256);
                }
            }
            decodeOrProtocolException(f);
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            decodeOrProtocolException(frame(m.type().code(), noise));
        }
    }

    private static void decodeOrProtocolException(byte[] frame) {
        try {
            Message decoded = Frames.decode(frame, MAX);
            // whatever decodes must survive another round trip unchanged
            assertSameMessage(decoded, Frames.decode(Frames.encode(decoded), MAX));
        } catch (ProtocolException expected) {
            // refused: fine
        } catch (RuntimeException e) {
            fail("decoding threw " + e + " instead of a ProtocolException", e);
        }
    }
}
