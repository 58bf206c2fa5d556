package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.MessageType;
import java.nio.ByteBuffer;

/**
 * Reads the frames the agent keeps on disk (ledger entries, outbox results), including those an
 * agent of protocol version 1 wrote before an update: a bundle update leaves running commands and
 * waiting results in place, and they must still be resumed and delivered. Version 1 differs only
 * in the task payload, which lacked the trailing seal flag; such a task reads back unsigned (it was
 * admitted before tasks were signed, and is never verified again).
 */
final class StoredFrames {
    private static final int VERSION_1 = 1;

    private StoredFrames() {
    }

    /**
     * @param frame a whole frame as {@link Frames#encode} wrote it, of this version or version 1
     * @param maxPayload the largest payload accepted
     * @return the message
     */
    static Message decode(byte[] frame, int maxPayload) {
        if (frame.length >= Frames.HEADER_BYTES && (frame[2] & 0xff) == VERSION_1) {
            boolean task = (frame[3] & 0xff) == MessageType.TASK.code();
            int payload = frame.length - Frames.HEADER_BYTES;
            ByteBuffer b = ByteBuffer.allocate(frame.length + (task ? 1 : 0));
            b.put(frame, 0, 2).put((byte) Frames.VERSION).put(frame[3]).putInt(payload + (task ? 1 : 0));
            b.put(frame, Frames.HEADER_BYTES, payload);
            if (task) {
                b.put((byte) 0); // no seal
            }
            return Frames.decode(b.array(), maxPayload);
        }
        return Frames.decode(frame, maxPayload);
    }
}
