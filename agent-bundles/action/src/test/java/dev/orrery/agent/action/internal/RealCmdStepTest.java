package dev.orrery.agent.action.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.cmd.internal.CmdConfig;
import dev.orrery.agent.cmd.internal.CmdHandler;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.guard.Guard;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps through the real cmd handler: real child processes, harmless commands. */
class RealCmdStepTest {
    static CmdConfig config() {
        return new CmdConfig() {
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
                return Path.of("target", "test-spool").toAbsolutePath().toString();
            }

            @Override
            public int spoolRetentionHours() {
                return 24;
            }
        };
    }

    @Test
    void anActionRunsRealCommands() throws Exception {
        ActionHandler h = new ActionHandler(ActionHandlerTest.SETTINGS);
        h.addHandler(new CmdHandler(config(), Guard.withDefaults()), Map.of(TaskHandler.TYPE, "cmd"));
        String tree = "{\"and\":[{\"cmd\":\"echo first\"},{\"or\":[{\"cmd\":\"exit 3\"},{\"cmd\":{\"command\":\"echo $X\","
                + "\"env\":{\"X\":\"second\"}}}]},{\"not\":{\"cmd\":\"rm -rf /\"}}]}";
        TaskOutcome o = h.execute(ActionHandlerTest.task(tree), new ActionHandlerTest.Ctx());
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
        JsonNode steps = ActionHandlerTest.report(o).get("steps");
        assertEquals("first\n", steps.get(0).get("stdout").asText());
        assertEquals(3, steps.get(1).get("exitCode").asInt());
        assertEquals("second\n", steps.get(2).get("stdout").asText());
        assertEquals(ErrorCode.GUARD_REFUSED.name(), steps.get(3).get("error").get("code").asText());
    }
}
