package dev.orrery.protocol;

import static dev.orrery.protocol.Bytes.concat;
import static dev.orrery.protocol.Bytes.frame;
import static dev.orrery.protocol.Bytes.header;
import static dev.orrery.protocol.Bytes.of;
import static dev.orrery.protocol.Bytes.payload;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything that is not a well-formed frame is refused with a {@link ProtocolException}. */
class RefusalTest {
    private static final int MAX = Frames.DEFAULT_MAX_PAYLOAD;
    private static final int HELLO = MessageType.HELLO.code();

    static Stream<Message> samples() {
        return Samples.all().stream();
    }

    private static void refused(String expectedText, Executable decode) {
        ProtocolException e = assertThrows(ProtocolException.class, decode);
        assertTrue(e.getMessage().contains(expectedText), () -> "message '" + e.getMessage() + "' lacks '" + expectedText + "'");
    }

    @Test
    void garbageIsRefused() {
        byte[] http = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        refused("bad magic", () -> Frames.decode(http, MAX));
        refused("bad magic", () -> Frames.checkHeader(ByteBuffer.wrap(http), MAX));
        byte[] zeros = new byte[64];
        refused("bad magic", () -> Frames.decode(zeros, MAX));
    }

    @Test
    void truncatedHeaderIsRefused() {
        byte[] frame = Frames.encode(new Message.Heartbeat(1));
        for (int n = 0; n < Frames.HEADER_BYTES; n++) {
            byte[] cut = Arrays.copyOf(frame, n);
            refused("truncated header", () -> Frames.decode(cut, MAX));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void truncatedFrameIsRefused(Message m) {
        byte[] frame = Frames.encode(m);
        byte[] cut = Arrays.copyOf(frame, frame.length - 1);
        refused("does not match header", () -> Frames.decode(cut, MAX));
    }

    /** Every strict prefix of every payload, framed with a header that agrees with it, is refused. */
    @ParameterizedTest
    @MethodSource("samples")
    void truncatedPayloadIsRefused(Message m) {
        byte[] p = payload(m);
        for (int n = 0; n < p.length; n++) {
            byte[] cut = Arrays.copyOf(p, n);
            // "truncated payload", or "bad count" where a list count promises more than is left
            assertThrows(ProtocolException.class, () -> Frames.decode(frame(m.type().code(), cut), MAX));
        }
    }

    @Test
    void oversizedFrameIsRefusedFromItsHeaderAlone() {
        for (int len : new int[] {MAX + 1, Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
            byte[] h = header(Frames.MAGIC, Frames.VERSION, HELLO, len);
            // only the eight header bytes exist: refused on the announced length, before any payload is read or allocated
            refused("exceeds the maximum", () -> Frames.checkHeader(ByteBuffer.wrap(h), MAX));
            refused("exceeds the maximum", () -> Frames.decode(h, MAX));
        }
        byte[] small = header(Frames.MAGIC, Frames.VERSION, HELLO, 101);
        refused("exceeds the maximum", () -> Frames.checkHeader(ByteBuffer.wrap(small), 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 0x7f, 0xff})
    void wrongVersionIsRefused(int version) {
        byte[] p = payload(new Message.Heartbeat(5));
        byte[] f = concat(header(Frames.MAGIC, version, MessageType.HEARTBEAT.code(), p.length), p);
        refused("unsupported protocol version " + version, () -> Frames.decode(f, MAX));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 20, 0x80, 0xff})
    void unknownTypeIsRefused(int type) {
        byte[] f = frame(type, payload(new Message.Heartbeat(5)));
        refused("unknown message type " + type, () -> Frames.decode(f, MAX));
        refused("unknown message type " + type, () -> Frames.decode(type, payload(new Message.Heartbeat(5))));
        refused("unknown message type", () -> MessageType.ofCode(-1));
        refused("unknown message type", () -> MessageType.ofCode(256));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void trailingBytesAreRefused(Message m) {
        byte[] p = concat(payload(m), of(0));
        refused("1 trailing bytes", () -> Frames.decode(frame(m.type().code(), p), MAX));
        byte[] p4 = concat(payload(m), of(1, 2, 3, 4));
        refused("4 trailing bytes", () -> Frames.decode(m.type().code(), p4));
    }

    @ParameterizedTest
    @MethodSource("malformedUtf8")
    void malformedUtf8IsRefused(byte[] bad) {
        byte[] p = new WireWriter().u8(0).bytes(bad).str("idc").str("").str("1").toByteArray();
        refused("malformed UTF-8", () -> Frames.decode(frame(HELLO, p), MAX));
        byte[] inList = new WireWriter().str("c").i32(1).bytes(bad).i32(0).toByteArray();
        refused("malformed UTF-8", () -> Frames.decode(MessageType.REPORT.code(), inList));
    }

    static Stream<byte[]> malformedUtf8() {
        return Stream.of(
                of(0xc3, 0x28),             // invalid continuation byte
                of(0xff),                   // never valid in UTF-8
                of('a', 0x80),              // lone continuation byte
                of(0xc0, 0x80),             // overlong NUL (Java's "modified UTF-8")
                of(0xed, 0xa0, 0x80),       // encoded surrogate
                of(0xe6, 0x97),             // multi-byte sequence cut short
                of(0xf4, 0x90, 0x80, 0x80)); // above U+10FFFF
    }
}
