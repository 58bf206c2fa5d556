package dev.orrery.agent.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.internal.CmdConfig;
import dev.orrery.agent.cmd.internal.ProcessRunnerComponent;
import dev.orrery.agent.cmd.run.ProcessRunner;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.guard.Guard;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script plugins through the real cmd process runner: harmless echo scripts only. */
class RealRunnerTest extends PluginFixture {
    @TempDir
    Path spool;

    @Override
    void open() {
        super.open();
        ProcessRunner real = new ProcessRunnerComponent(new CmdConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CmdConfig.class;
            }

            @Override
            public String shell() {
                return "/bin/sh";
            }

            @Override
            public int maxOutputBytes() {
                return 1 << 20;
            }

            @Override
            public int defaultTimeoutSeconds() {
                return 60;
            }

            @Override
            public long killGraceMillis() {
                return 300;
            }

            @Override
            public String spoolDir() {
                return spool.toString();
            }

            @Override
            public int spoolRetentionHours() {
                return 1;
            }
        }, Guard.withDefaults());
        Installer installer = new Installer(bundles, registry, files, extender, Duration.ofSeconds(1));
        tasks = new PluginTasks(bundles, installer, new JavaRun(bundles, 64), new ScriptRun(extender, () -> real, files), files, 30,
                () -> data, changes::incrementAndGet);
    }

    @Test
    void aScriptRunsWithItsArgsAndThePluginVariables() {
        String script = "#!/usr/bin/env sh\necho \"$ORRERY_PLUGIN_NAME $ORRERY_PLUGIN_VERSION $ORRERY_HOST_ID [$1] $(basename \"$ORRERY_PLUGIN_DIR\")\"\n";
        exec(install(Jars.script("hello", "1.0.0", script), "hello", "1.0.0", "script"));
        TaskRequest run = task(null, "name", "hello", "args", "[\"a b\"]", "dataTopic", "greetings");
        TaskOutcome o = tasks.execute(run, new CancellableContext());
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
        assertEquals("hello 1.0.0 h1 [a b] work\n", new String(o.stdout(), StandardCharsets.UTF_8));
        tasks.release(run);
    }

    @Test
    void theGuardVetsAShellScriptPlugin() { // exits before the refused line, were the guard to let it through
        exec(install(Jars.script("bad", "1.0.0", "exit 0\nmkfs.ext4 /nonexistent/orrery-test-device\n"), "bad", "1.0.0", "script"));
        assertEquals(ErrorCode.GUARD_REFUSED, exec(task(null, "name", "bad")).error());
    }
}
