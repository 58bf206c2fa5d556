package dev.orrery.agent.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.Plugin;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import org.junit.jupiter.api.Test;

/** A version installed over another is rolled back when its first run fails to run; a run that answers is proof enough. */
class ProbationTest extends PluginFixture {
    private static final Plugin WORKS = (args, env, out, ctx) -> 0;
    private static final Plugin SAYS_NO = (args, env, out, ctx) -> 3;
    private static final Plugin THROWS = (args, env, out, ctx) -> {
        throw new IllegalStateException("missing class");
    };

    private void install(String version, Plugin p) {
        bundles.services.put("j", p);
        TaskOutcome o = exec(install(Jars.java("j", version), "j", version, "java"));
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
    }

    @Test
    void aNewVersionThatFailsItsFirstRunIsRolledBackAndReported() {
        install("1.0.0", WORKS);
        install("2.0.0", THROWS);
        int before = changes.get();
        TaskOutcome o = exec(task(null, "name", "j"));
        assertEquals(ErrorCode.PLUGIN_FAILED, o.error());
        assertEquals("j 2.0.0 failed to run: j 2.0.0 failed: IllegalStateException: missing class; rolled back to 1.0.0", o.errorMessage());
        assertEquals("1.0.0", bundles.find("j").orElseThrow().version());
        assertTrue(status().contains("\"failedVersion\":\"2.0.0\""), status());
        assertTrue(changes.get() > before, "the plugins section is sent at once");
        bundles.services.put("j", WORKS);
        assertEquals(HostTaskState.SUCCEEDED, exec(task(null, "name", "j")).state(), "the old version runs again");
    }

    @Test
    void aRunThatAnswersProvesTheVersionAndLaterFailuresAreOnlyReported() {
        install("1.0.0", WORKS);
        install("2.0.0", SAYS_NO);
        assertEquals(ErrorCode.NONZERO_EXIT, exec(task(null, "name", "j")).error());
        bundles.services.put("j", THROWS);
        TaskOutcome o = exec(task(null, "name", "j"));
        assertEquals(ErrorCode.PLUGIN_FAILED, o.error());
        assertFalse(o.errorMessage().contains("rolled back"), o.errorMessage());
        assertEquals("2.0.0", bundles.find("j").orElseThrow().version());
    }

    @Test
    void aFirstInstallHasNothingToGoBackToAndStays() {
        install("1.0.0", THROWS);
        TaskOutcome o = exec(task(null, "name", "j"));
        assertEquals(ErrorCode.PLUGIN_FAILED, o.error());
        assertEquals("1.0.0", bundles.find("j").orElseThrow().version());
        assertFalse(status().contains("failedVersion"), status());
    }

    @Test
    void failingToRunIsTellingAFailureFromAnAnswer() {
        assertTrue(Probation.failedToRun("java", TaskOutcome.failed(ErrorCode.PLUGIN_FAILED, "x")));
        assertTrue(Probation.failedToRun("script", TaskOutcome.failed(ErrorCode.SPAWN_FAILED, "x")));
        assertTrue(Probation.failedToRun("script", new TaskOutcome(HostTaskState.FAILED, 127, null, null, false, ErrorCode.NONZERO_EXIT, "x")));
        assertTrue(Probation.failedToRun("script", new TaskOutcome(HostTaskState.FAILED, 126, null, null, false, ErrorCode.NONZERO_EXIT, "x")));
        assertFalse(Probation.failedToRun("script", new TaskOutcome(HostTaskState.FAILED, 1, null, null, false, ErrorCode.NONZERO_EXIT, "x")));
        assertFalse(Probation.failedToRun("java", new TaskOutcome(HostTaskState.FAILED, 127, null, null, false, ErrorCode.NONZERO_EXIT, "x")));
        assertFalse(Probation.failedToRun("script", TaskOutcome.succeeded("ok")));
    }
}
