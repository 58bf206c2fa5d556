package dev.orrery.protocol;

import static dev.orrery.protocol.Samples.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message survives encode → decode with every field intact. */
class RoundTripTest {

    static Stream<Message> samples() {
        return Samples.all().stream();
    }

    @Test
    void samplesCoverEveryMessageType() {
        Set<MessageType> seen = EnumSet.noneOf(MessageType.class);
        Samples.all().forEach(m -> seen.add(m.type()));
        assertEquals(EnumSet.allOf(MessageType.class), seen, "add a sample for every new message type");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void wholeFrameRoundTrip(Message m) {
        byte[] frame = Frames.encode(m);
        assertSameMessage(m, Frames.decode(frame, Frames.DEFAULT_MAX_PAYLOAD));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void headerDescribesThePayload(Message m) {
        byte[] frame = Frames.encode(m);
        ByteBuffer b = ByteBuffer.wrap(frame);
        assertEquals(Frames.MAGIC, b.getShort() & 0xffff);
        assertEquals(Frames.VERSION, b.get() & 0xff);
        assertEquals(m.type().code(), b.get() & 0xff);
        assertEquals(frame.length - Frames.HEADER_BYTES, b.getInt());
        assertEquals(frame.length - Frames.HEADER_BYTES, Frames.checkHeader(ByteBuffer.wrap(frame), frame.length));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void payloadRoundTrip(Message m) {
        WireWriter w = new WireWriter();
        m.write(w);
        assertSameMessage(m, Frames.decode(m.type().code(), w.toByteArray()));
    }

    @Test
    void frameOfExactlyTheMaximumIsAccepted() {
        Message m = new Message.Report("c", List.of("a", "b"), 1);
        byte[] frame = Frames.encode(m);
        assertSameMessage(m, Frames.decode(frame, frame.length - Frames.HEADER_BYTES));
    }

    @Test
    void typeCodesAreUniqueAndResolve() {
        for (MessageType t : MessageType.values()) {
            assertEquals(t, MessageType.ofCode(t.code()));
            assertTrue(t.code() > 0 && t.code() < 256);
        }
    }
}
