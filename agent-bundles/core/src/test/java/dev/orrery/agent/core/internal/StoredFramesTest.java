package dev.orrery.agent.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ledger entries and outbox results written by a version-1 agent are still read after an update. */
class StoredFramesTest {

    /** What a version-1 agent wrote: the same fields, without the seal flag, under version 1. */
    private static byte[] asVersion1(byte[] v2, boolean task) {
        byte[] v1 = Arrays.copyOf(v2, v2.length - (task ? 1 : 0));
        v1[2] = 1;
        ByteBuffer.wrap(v1).putInt(4, v1.length - Frames.HEADER_BYTES);
        return v1;
    }

    @Test
    void aVersion1TaskReadsBackUnsigned() {
        Task t = new Task("t-1", "h", "cmd", Map.of("command", "sleep 100"), "b".getBytes(), 30);
        Task back = (Task) StoredFrames.decode(asVersion1(Frames.encode(t), true), Frames.DEFAULT_MAX_PAYLOAD);
        assertEquals(t.params(), back.params());
        assertArrayEquals(t.body(), back.body());
        assertEquals(30, back.timeoutSeconds());
        assertNull(back.seal());
    }

    @Test
    void aVersion1ResultReadsBack() {
        Result r = new Result("t-1", "h", HostTaskState.SUCCEEDED, 0, "out".getBytes(), null, false, null, null, 1, 2);
        Result back = (Result) StoredFrames.decode(asVersion1(Frames.encode(r), false), Frames.DEFAULT_MAX_PAYLOAD);
        assertArrayEquals(r.stdout(), back.stdout());
        assertEquals(HostTaskState.SUCCEEDED, back.state());
    }

    @Test
    void currentFramesReadAsThemselves() {
        Task t = AgentFixture.task("t-2", "cmd", Map.of());
        Task back = (Task) StoredFrames.decode(Frames.encode(t), Frames.DEFAULT_MAX_PAYLOAD);
        assertArrayEquals(t.seal().signature(), back.seal().signature());
    }
}
