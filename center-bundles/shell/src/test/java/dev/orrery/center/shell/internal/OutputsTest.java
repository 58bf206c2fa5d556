package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.store.HostTaskRecord;
import org.junit.jupiter.api.Test;

class OutputsTest {

    private static HostTaskRecord result(HostTaskState state, Integer exit, String out, String err, boolean truncated, ErrorCode code,
            String message) {
        return new HostTaskRecord("t", "h", state, exit, out, err, truncated, code, message, "c", 1);
    }

    @Test
    void successShowsTheFirstLineAndHowManyMore() {
        assertEquals("Linux web-1 6.1", Outputs.summary(result(HostTaskState.SUCCEEDED, 0, "Linux web-1 6.1\n", "", false, null, null)));
        assertEquals("a (+2 lines)", Outputs.summary(result(HostTaskState.SUCCEEDED, 0, "\n a\nb\nc\n", "", false, null, null)));
        assertEquals("", Outputs.summary(result(HostTaskState.SUCCEEDED, 0, "", "", false, null, null)));
        assertEquals("x [truncated]", Outputs.summary(result(HostTaskState.SUCCEEDED, 0, "x", "", true, null, null)));
    }

    @Test
    void failureShowsCodeMessageAndStderrForANonZeroExit() {
        assertEquals("NONZERO_EXIT: exited with 2 | ls: /nope: No such file",
                Outputs.summary(result(HostTaskState.FAILED, 2, "", "ls: /nope: No such file\n", false, ErrorCode.NONZERO_EXIT,
                        "exited with 2")));
        assertEquals("HOST_OFFLINE: no channel holds\nthe host".replace("\n", " "),
                Outputs.summary(result(HostTaskState.FAILED, null, "", "", false, ErrorCode.HOST_OFFLINE, "no channel holds\nthe host")));
        assertEquals("TIMED_OUT", Outputs.summary(result(HostTaskState.TIMED_OUT, null, "", "", false, ErrorCode.TIMED_OUT, null)));
    }

    @Test
    void longTextIsShortened() {
        String s = Outputs.summary(result(HostTaskState.SUCCEEDED, 0, "y".repeat(500), "", false, null, null));
        assertEquals(Outputs.MAX_WIDTH, s.length());
        assertTrue(s.endsWith("..."));
    }
}
