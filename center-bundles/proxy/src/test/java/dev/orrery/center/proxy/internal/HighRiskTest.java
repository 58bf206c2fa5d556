package dev.orrery.center.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The proxy's guard: high-risk commands are refused before anything is persisted unless the
 * submitter confirms and may confirm. Nothing here runs a command: the gateway is a fake.
 */
class HighRiskTest extends ProxyTestBase {
    private static final Scope MAY_CONFIRM = new Scope(List.of(), List.of(), true);
    private static final Scope MAY_NOT = new Scope(List.of(), List.of(), false);

    private TaskSubmission cmd(String command, Scope scope, boolean confirm) {
        return new TaskSubmission("cmd", new Targets(List.of(p + "h"), List.of()), Map.of("command", command), null, 30, "key-r",
                scope, confirm);
    }

    @Test
    void aHighRiskCommandIsRefusedWithItsRuleAndNothingIsPersisted() {
        register(p + "h");
        online(p + "ch", p + "h");
        int before = taskCount();
        for (String command : List.of("rm -rf /", "sudo /sbin/reboot", "echo cm0gLXJmIC8= | base64 -d | sh", ":(){ :|:& };:")) {
            OrreryException e = refused(() -> proxy.submit(cmd(command, MAY_NOT, false)));
            assertCode(ErrorCode.CMD_HIGH_RISK, e);
            assertEquals(1, e.details().size(), "the rule is in the details: " + e.getMessage());
            assertTrue(e.getMessage().contains(e.details().get(0)), e.getMessage());
            assertCode(ErrorCode.CMD_HIGH_RISK, refused(() -> proxy.plan(cmd(command, MAY_NOT, false))));
        }
        assertEquals(before, taskCount());
        assertTrue(gateway.tasksFor(p + "h").isEmpty());
    }

    @Test
    void confirmingNeedsThePermission() {
        register(p + "h");
        OrreryException e = refused(() -> proxy.submit(cmd("reboot", MAY_NOT, true)));
        assertCode(ErrorCode.CMD_HIGH_RISK, e);
        assertTrue(e.getMessage().contains("cmd:highrisk"), e.getMessage());
    }

    @Test
    void aConfirmedHighRiskCommandCarriesItsRuleToTheAgent() {
        register(p + "h");
        online(p + "ch", p + "h");
        Plan plan = proxy.plan(cmd("reboot", MAY_CONFIRM, true));
        assertEquals("power", plan.highRisk());
        TaskService.Accepted acc = proxy.submit(cmd("reboot", MAY_CONFIRM, true));
        assertEquals("power", proxy.task(acc.taskId()).orElseThrow().params().get(Vetting.CONFIRMED_PARAM));
        awaitState(acc.taskId(), p + "h", dev.orrery.api.HostTaskState.DISPATCHED);
        assertEquals("power", gateway.tasksFor(p + "h").get(0).params().get(Vetting.CONFIRMED_PARAM));
    }

    @Test
    void safeLookAlikesPassWithoutConfirmation() {
        register(p + "h");
        for (String command : List.of("rm -rf ./build", "echo \"rm -rf /\"", "dd if=/dev/zero of=/tmp/x bs=1k count=1")) {
            TaskService.Accepted acc = proxy.submit(cmd(command, MAY_NOT, false));
            assertFalse(proxy.task(acc.taskId()).orElseThrow().params().containsKey(Vetting.CONFIRMED_PARAM));
        }
    }
}
