package dev.orrery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void parseKnownAndUnknown() {
        assertEquals(ErrorCode.HANDLER_MISSING, ErrorCode.parse("HANDLER_MISSING"));
        assertEquals(ErrorCode.INTERNAL, ErrorCode.parse("NO_SUCH_CODE"));
        assertEquals(ErrorCode.INTERNAL, ErrorCode.parse(null));
    }

    @Test
    void layersAreAssigned() {
        assertEquals(Layer.AGENT, ErrorCode.HANDLER_MISSING.layer());
        assertEquals("environment", ErrorCode.RUN_AS_FAILED.layer().wireName());
        assertEquals(401, ErrorCode.UNAUTHENTICATED.httpStatus());
        assertEquals(413, ErrorCode.COMMAND_TOO_LARGE.httpStatus());
    }

    @Test
    void statesOnlyMoveForward() {
        assertTrue(HostTaskState.PENDING.canMoveTo(HostTaskState.DISPATCHED));
        assertTrue(HostTaskState.DISPATCHED.canMoveTo(HostTaskState.SUCCEEDED));
        assertFalse(HostTaskState.RUNNING.canMoveTo(HostTaskState.RECEIVED));
        assertFalse(HostTaskState.SUCCEEDED.canMoveTo(HostTaskState.FAILED));
        assertTrue(HostTaskState.TIMED_OUT.isFinal());
        assertFalse(HostTaskState.RUNNING.isFinal());
    }
}
