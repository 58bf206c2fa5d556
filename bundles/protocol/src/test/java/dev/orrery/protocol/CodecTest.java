package dev.orrery.protocol;

import static dev.orrery.protocol.Bytes.concat;
import static dev.orrery.protocol.Bytes.header;
import static dev.orrery.protocol.Bytes.of;
import static dev.orrery.protocol.Samples.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.DefaultTransportMetadata;
import org.apache.mina.core.session.IoSessionConfig;
import org.apache.mina.filter.codec.ProtocolCodecSession;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MINA codec on its own: framing over a fragmenting stream, early refusal. */
class CodecTest {
    private static final int MAX = 1024;
    private final OrreryCodecFactory codec = new OrreryCodecFactory(MAX);
    private ProtocolCodecSession session;
    private ProtocolDecoder decoder;

    @BeforeEach
    void newSession() {
        session = new ProtocolCodecSession();
        // a stream transport: the decoder must keep partial frames between reads
        session.setTransportMetadata(new DefaultTransportMetadata("test", "stream", false, true, SocketAddress.class,
                IoSessionConfig.class, Object.class));
        decoder = codec.getDecoder(session);
    }

    private void feed(byte[] bytes) throws Exception {
        decoder.decode(session, IoBuffer.wrap(bytes), session.getDecoderOutput());
    }

    private List<Object> decoded() {
        List<Object> out = new ArrayList<>(session.getDecoderOutputQueue());
        session.getDecoderOutputQueue().clear();
        return out;
    }

    @Test
    void everyMessageSurvivesTheEncoderAndADecoderFedOneByteAtATime() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Message m : Samples.all()) {
            codec.getEncoder(session).encode(session, m, session.getEncoderOutput());
            IoBuffer b = (IoBuffer) session.getEncoderOutputQueue().poll();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            stream.write(bytes);
        }
        for (byte b : stream.toByteArray()) {
            feed(new byte[] {b});
        }
        List<Object> out = decoded();
        List<Message> expected = Samples.all();
        assertEquals(expected.size(), out.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSameMessage(expected.get(i), (Message) out.get(i));
        }
    }

    @Test
    void severalFramesInOneReadAllDecode() throws Exception {
        Message a = new Message.Heartbeat(1);
        Message b = new Message.Cancel("t", "h");
        feed(concat(Frames.encode(a), concat(Frames.encode(b), Frames.encode(a))));
        assertEquals(List.of(a, b, a), decoded());
    }

    @Test
    void oversizedHeaderIsRefusedBeforeAnyPayloadArrives() {
        byte[] h = header(Frames.MAGIC, Frames.VERSION, MessageType.TASK.code(), MAX + 1);
        ProtocolException e = assertThrows(ProtocolException.class, () -> feed(h));
        assertTrue(e.getMessage().contains("exceeds the maximum of " + MAX), e.getMessage());
    }

    @Test
    void frameWithinTheMaximumWaitsForItsPayload() throws Exception {
        feed(header(Frames.MAGIC, Frames.VERSION, MessageType.HEARTBEAT.code(), 8));
        feed(of(0, 0, 0, 0));
        assertTrue(decoded().isEmpty());
        feed(of(0, 0, 0, 42));
        assertEquals(List.of(new Message.Heartbeat(42)), decoded());
    }

    @Test
    void foreignProtocolIsRefusedAtItsFirstByte() {
        assertThrows(ProtocolException.class, () -> feed(of('G')));
    }

    @Test
    void wrongVersionAndUnknownTypeAreRefusedBeforeTheWholeHeader() throws Exception {
        assertThrows(ProtocolException.class, () -> feed(of('O', 'R', 9)));
        newSession();
        feed(of('O', 'R'));
        assertThrows(ProtocolException.class, () -> feed(of(Frames.VERSION, 0)));
    }

    @Test
    void encoderRefusesAnythingButAMessage() {
        assertThrows(ProtocolException.class,
                () -> codec.getEncoder(session).encode(session, "text", session.getEncoderOutput()));
    }

    @Test
    void maximumMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new OrreryCodecFactory(0));
    }
}
