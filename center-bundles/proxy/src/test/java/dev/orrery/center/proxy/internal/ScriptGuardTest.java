package dev.orrery.center.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard reads shell store scripts and the cmd and shell store steps of action trees. Nothing runs. */
class ScriptGuardTest extends ProxyTestBase {
    private static final Scope MAY_CONFIRM = new Scope(List.of(), List.of(), true);
    private static final Scope MAY_NOT = new Scope(List.of(), List.of(), false);
    private static final String RISKY_ACTION = "{\"and\":[{\"cmd\":{\"command\":\"uptime\"}},"
            + "{\"or\":[{\"plugin\":{\"name\":\"x\"}},{\"not\":{\"cmd\":{\"command\":\"reboot\"}}}]}]}";

    private TaskSubmission store(String script, String interpreter, Scope scope, boolean confirm) {
        Map<String, String> params = interpreter == null ? Map.of("sha256", "x") : Map.of("interpreter", interpreter, "sha256", "x");
        return new TaskSubmission("store", new Targets(List.of(p + "h"), List.of()), params,
                script.getBytes(StandardCharsets.UTF_8), 30, "key-s", scope, confirm);
    }

    private TaskSubmission action(String tree, Scope scope, boolean confirm) {
        return new TaskSubmission("action", new Targets(List.of(p + "h"), List.of()), Map.of("action", tree), null, 30, "key-s",
                scope, confirm);
    }

    @Test
    void shellsAreKnownWithOrWithoutAPath() {
        for (String sh : new String[] {null, "", "sh", "/bin/sh", "bash", "/usr/bin/bash", "dash", "zsh", "/bin/ksh"}) {
            assertTrue(ScriptGuard.isShell(sh), String.valueOf(sh));
        }
        for (String other : List.of("python3", "/usr/bin/perl", "/bin/shx", "fish")) {
            assertFalse(ScriptGuard.isShell(other), other);
        }
    }

    @Test
    void aShellStoreScriptIsGuardedAndOtherInterpretersAreNot() {
        register(p + "h");
        for (String sh : new String[] {null, "/bin/bash", "zsh"}) {
            OrreryException e = refused(() -> proxy.submit(store("echo hi\nrm -rf /\n", sh, MAY_NOT, false)));
            assertCode(ErrorCode.CMD_HIGH_RISK, e);
            assertTrue(e.getMessage().contains("in script"), e.getMessage());
        }
        TaskService.Accepted acc = proxy.submit(store("import os\nos.system('rm -rf /')\n", "/usr/bin/python3", MAY_NOT, false));
        assertFalse(proxy.task(acc.taskId()).orElseThrow().params().containsKey(Vetting.CONFIRMED_PARAM));
    }

    @Test
    void aRiskyStepInsideAnActionIsRefusedByName() {
        register(p + "h");
        OrreryException e = refused(() -> proxy.submit(action(RISKY_ACTION, MAY_NOT, false)));
        assertCode(ErrorCode.CMD_HIGH_RISK, e);
        assertTrue(e.getMessage().contains("action.and[1].or[1].not.cmd"), e.getMessage());
        assertCode(ErrorCode.CMD_HIGH_RISK, refused(() -> proxy.plan(action(RISKY_ACTION, MAY_NOT, false))));
        String store = "{\"store\":{\"content\":\"rm -rf /\",\"interpreter\":\"/bin/dash\"}}";
        assertTrue(refused(() -> proxy.submit(action(store, MAY_NOT, false))).getMessage().contains("action.store"));
        proxy.submit(action("{\"store\":{\"content\":\"rm -rf /\",\"interpreter\":\"perl\"}}", MAY_NOT, false));
    }

    @Test
    void aConfirmedActionCarriesItsRuleAndTwoRulesCannotBeConfirmedAtOnce() {
        register(p + "h");
        TaskService.Accepted acc = proxy.submit(action(RISKY_ACTION, MAY_CONFIRM, true));
        assertEquals("power", proxy.task(acc.taskId()).orElseThrow().params().get(Vetting.CONFIRMED_PARAM));
        String two = "{\"and\":[{\"cmd\":{\"command\":\"reboot\"}},{\"cmd\":{\"command\":\"rm -rf /\"}}]}";
        OrreryException e = refused(() -> proxy.submit(action(two, MAY_CONFIRM, true)));
        assertCode(ErrorCode.CMD_HIGH_RISK, e);
        assertEquals(2, e.details().size(), e.getMessage());
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> proxy.submit(action("{not json", MAY_NOT, false))));
    }

    @Test
    void theNewTaskTypesAreKnown() {
        assertTrue(Submissions.KNOWN_TYPES.containsAll(List.of("store", "action", "cron", "accounts")));
    }
}
