package dev.orrery.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnrollMessagesTest {

    @Test
    void enrollRoundTrips() {
        Message.Enroll m = new Message.Enroll(Message.Role.CHANNEL, "chan-1", "tok", new byte[] {1, 2, 3});
        Message.Enroll back = (Message.Enroll) Frames.decode(Frames.encode(m), Frames.DEFAULT_MAX_PAYLOAD);
        assertEquals(m.role(), back.role());
        assertEquals(m.id(), back.id());
        assertEquals(m.token(), back.token());
        assertArrayEquals(m.publicKey(), back.publicKey());
    }

    @Test
    void enrolledRoundTrips() {
        Message.Enrolled m = new Message.Enrolled("host-1", new byte[] {9}, new byte[] {8, 7});
        Message.Enrolled back = (Message.Enrolled) Frames.decode(Frames.encode(m), Frames.DEFAULT_MAX_PAYLOAD);
        assertEquals("host-1", back.id());
        assertArrayEquals(m.certificate(), back.certificate());
        assertArrayEquals(m.caCertificate(), back.caCertificate());
    }

    @Test
    void enrollWithoutIdIsRefused() {
        byte[] frame = Frames.encode(new Message.Enroll(Message.Role.AGENT, "", "t", new byte[0]));
        assertThrows(ProtocolException.class, () -> Frames.decode(frame, Frames.DEFAULT_MAX_PAYLOAD));
    }
}
