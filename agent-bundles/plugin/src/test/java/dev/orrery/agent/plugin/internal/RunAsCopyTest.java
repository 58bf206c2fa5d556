package dev.orrery.agent.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** A script run as another user gets its own copy of the script, given to that user and deleted after the run. */
class RunAsCopyTest extends PluginFixture {
    @Test
    void theScriptIsCopiedForTheRunAsUserAndDeletedAfterwards() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "changing a file's owner needs root");
        exec(install(Jars.script("s", "1.0.0", "echo hi\n"), "s", "1.0.0", "script"));
        TaskOutcome o = exec(task(null, "name", "s", "runAs", "nobody"));
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
        Path copy = Path.of(ran.get(0).argv().get(1));
        assertEquals(root.resolve(".runs").resolve(ran.get(0).request().taskId()).resolve("run.sh"), copy);
        assertEquals("nobody", ran.get(0).request().params().get("runAs"));
        assertFalse(Files.exists(copy.getParent()), "deleted when the run ended");
        assertEquals("rwx--x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(".runs"))));
    }

    @Test
    void anUnknownUserIsARunAsFailure() {
        exec(install(Jars.script("s", "1.0.0", "echo hi\n"), "s", "1.0.0", "script"));
        TaskOutcome o = exec(task(null, "name", "s", "runAs", "no-such-user-orrery"));
        assertEquals(ErrorCode.RUN_AS_FAILED, o.error());
        assertEquals(0, ran.size());
    }
}
