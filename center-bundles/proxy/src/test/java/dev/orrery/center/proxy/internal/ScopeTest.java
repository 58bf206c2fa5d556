package dev.orrery.center.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scopes are enforced on the resolved hosts before anything is persisted; a dry run checks the same and persists nothing. */
class ScopeTest extends ProxyTestBase {

    private TaskSubmission cmd(String command, Targets targets, Scope scope) {
        return new TaskSubmission("cmd", targets, Map.of("command", command), null, 30, "key-s", scope, false);
    }

    @Test
    void hostsOutsideTheAccountsGroupsAreNamedAndNothingIsDispatched() {
        register(p + "in", p + "web");
        register(p + "out1", p + "db");
        register(p + "out2");
        online(p + "ch", p + "in", p + "out1", p + "out2");
        int before = taskCount();
        Scope web = new Scope(List.of(p + "web"), List.of(), false);
        OrreryException e = refused(() -> proxy.submit(cmd("uptime", new Targets(List.of(p + "in", p + "out1", p + "out2"), List.of()), web)));
        assertCode(ErrorCode.OUT_OF_SCOPE, e);
        assertEquals(List.of(p + "out1", p + "out2"), e.details());
        assertTrue(e.getMessage().contains(p + "out1") && e.getMessage().contains(p + "out2"), e.getMessage());
        assertEquals(before, taskCount(), "nothing persisted");
        assertTrue(gateway.tasksFor(p + "in").isEmpty(), "nothing dispatched, not even to the host in scope");

        // a group outside the scope is refused the same way
        assertCode(ErrorCode.OUT_OF_SCOPE, refused(() -> proxy.submit(cmd("uptime", new Targets(List.of(), List.of(p + "db")), web))));

        TaskService.Accepted ok = proxy.submit(cmd("uptime", new Targets(List.of(), List.of(p + "web")), web));
        assertEquals(1, ok.hosts());
    }

    @Test
    void taskTypesOutsideTheScopeAreRefused() {
        register(p + "h");
        Scope hostinfoOnly = new Scope(List.of(), List.of("hostinfo"), false);
        OrreryException e = refused(() -> proxy.submit(cmd("uptime", new Targets(List.of(p + "h"), List.of()), hostinfoOnly)));
        assertCode(ErrorCode.OUT_OF_SCOPE, e);
        assertEquals(List.of("cmd"), e.details());
    }

    @Test
    void aDryRunListsTheHostsAndPersistsNothing() {
        register(p + "b", p + "g");
        register(p + "a", p + "g");
        online(p + "ch", p + "a");
        int before = taskCount();
        Plan plan = proxy.plan(cmd("uptime", new Targets(List.of(), List.of(p + "g")), Scope.ALL));
        assertEquals("cmd", plan.type());
        assertEquals("uptime", plan.params().get("command"));
        assertEquals(List.of(new Plan.Host(p + "a", p + "a.example", HostStatus.ONLINE), new Plan.Host(p + "b", p + "b.example",
                HostStatus.OFFLINE)), plan.hosts());
        assertNull(plan.highRisk());
        assertEquals(before, taskCount());
        assertTrue(gateway.tasksFor(p + "a").isEmpty());
    }

    @Test
    void aDryRunChecksWhatASubmissionChecks() {
        register(p + "x", p + "g1");
        assertCode(ErrorCode.UNKNOWN_TARGET, refused(() -> proxy.plan(cmd("uptime", new Targets(List.of(p + "nope"), List.of()),
                Scope.ALL))));
        assertCode(ErrorCode.OUT_OF_SCOPE, refused(() -> proxy.plan(cmd("uptime", new Targets(List.of(p + "x"), List.of()),
                new Scope(List.of(p + "other"), List.of(), false)))));
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> proxy.plan(cmd(" ", new Targets(List.of(p + "x"), List.of()), Scope.ALL))));
    }
}
