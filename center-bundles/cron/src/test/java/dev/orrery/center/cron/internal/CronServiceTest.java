package dev.orrery.center.cron.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.cron.CronRequest;
import dev.orrery.center.cron.RunPage;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.DataStore;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CronServiceTest {
    private final Fakes.Jobs jobs = new Fakes.Jobs();
    private final Fakes.Hosts hosts = new Fakes.Hosts();
    private final Fakes.Tasks tasks = new Fakes.Tasks(hosts);
    private final Fakes.Data data = new Fakes.Data();
    private final CronServiceImpl cron = new CronServiceImpl(config(3600), jobs, hosts, data, tasks,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        cron.deactivate();
    }

    static CronCenterConfig config(int reconcileSeconds) {
        return new CronCenterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CronCenterConfig.class;
            }

            @Override
            public int reconcileSeconds() {
                return reconcileSeconds;
            }

            @Override
            public int minResyncSeconds() {
                return 30;
            }

            @Override
            public int maxStoreBytes() {
                return 100;
            }
        };
    }

    private static CronRequest cmd(String schedule, String zone, String command, String... hosts) {
        return new CronRequest(new Targets(List.of(hosts), List.of()), schedule, zone, false, "cmd",
                "{\"command\":" + JobWire.MAPPER.valueToTree(command) + "}", null, 0, "ops", Scope.ALL);
    }

    private static ErrorCode codeOf(Runnable r) {
        return assertThrows(OrreryException.class, r::run).code();
    }

    @Test
    void createVetsTheRunAsATaskAndResolvesHosts() {
        hosts.add("h-1", true);
        hosts.add("h-2", false);
        CronJobRecord job = cron.create(new CronRequest(new Targets(List.of("h-1", "h-2"), List.of("web")), " */2  * * * * * ", "Europe/Paris",
                true, "cmd", "{\"command\":\"uptime\"}", "nobody", 20, "ops", new Scope(List.of("web"), List.of(), false)));
        assertTrue(job.cronId().matches("cr-[0-9a-f]{16}"));
        assertEquals(List.of("h-1", "h-2"), job.hostIds());
        assertEquals(List.of("web"), job.groups());
        assertEquals("*/2 * * * * *", job.schedule());
        assertEquals("Europe/Paris", job.timezone());
        assertEquals("nobody", job.runAs());
        TaskSubmission planned = tasks.planned.get(0);
        assertEquals("cmd", planned.type());
        assertEquals("uptime", planned.params().get("command"));
        assertEquals("nobody", planned.params().get("runAs"));
        assertEquals(List.of("web"), planned.scope().groups());
        assertEquals(job, cron.get(job.cronId()).orElseThrow());
        assertEquals(List.of(job), cron.list());
    }

    @Test
    void refusesBadSchedulesZonesKindsAndSpecsWithTheReason() {
        hosts.add("h-1", true);
        OrreryException e = assertThrows(OrreryException.class, () -> cron.create(cmd("* * * * *", "UTC", "x", "h-1")));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("six"), e.getMessage());
        e = assertThrows(OrreryException.class, () -> cron.create(cmd("* * * * * *", "Nowhere/City", "x", "h-1")));
        assertTrue(e.getMessage().contains("Nowhere/City"), e.getMessage());
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> cron.create(cmd("0 0 0 30 2 *", "UTC", "x", "h-1"))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> cron.create(cmd("* * * * * *", "UTC", " ", "h-1"))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> cron.create(new CronRequest(new Targets(List.of("h-1"), List.of()),
                "* * * * * *", "UTC", false, "file", "{}", null, 0, "ops", Scope.ALL))));
        assertEquals(ErrorCode.CONTENT_TOO_LARGE, codeOf(() -> cron.create(new CronRequest(new Targets(List.of("h-1"), List.of()),
                "* * * * * *", "UTC", false, "store", "{\"content\":\"" + "x".repeat(101) + "\"}", null, 0, "ops", Scope.ALL))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> cron.create(new CronRequest(new Targets(List.of("h-1"), List.of()),
                "* * * * * *", "UTC", false, "store", "{\"content\":\"x\",\"args\":[1]}", null, 0, "ops", Scope.ALL))));
        assertEquals(ErrorCode.CMD_HIGH_RISK, codeOf(() -> cron.create(cmd("* * * * * *", "UTC", "rm -rf /", "h-1"))));
        assertEquals(ErrorCode.UNKNOWN_TARGET, codeOf(() -> cron.create(cmd("* * * * * *", "UTC", "x", "h-404"))));
        assertTrue(jobs.rows.isEmpty());
    }

    @Test
    void pluginJobsRunAnInstalledPluginAndNothingElse() {
        hosts.add("h-1", true);
        for (String spec : List.of("{}", "{\"name\":\" \"}", "{\"name\":\"p\",\"op\":\"uninstall\"}", "{\"name\":\"p\",\"args\":[1]}",
                "{\"name\":\"p\",\"version\":2}")) {
            assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> cron.create(new CronRequest(new Targets(List.of("h-1"), List.of()),
                    "* * * * * *", "UTC", false, "plugin", spec, null, 0, "ops", Scope.ALL))), spec);
        }
        cron.create(new CronRequest(new Targets(List.of("h-1"), List.of()), "0 * * * * *", null, false, "plugin",
                "{\"name\":\"disk-usage\",\"version\":\"1.0.0\",\"args\":[\"/var\"]}", null, 0, "ops", Scope.ALL));
        TaskSubmission p = tasks.planned.get(0);
        assertEquals("plugin", p.type());
        assertEquals("disk-usage", p.params().get("name"));
        assertEquals("[\"/var\"]", p.params().get("args"));
    }

    @Test
    void storeJobsArePlannedAsStoreTasksWithTheirDigest() {
        hosts.add("h-1", true);
        cron.create(new CronRequest(new Targets(List.of("h-1"), List.of()), "0 * * * * *", null, false, "store",
                "{\"content\":\"echo hi\",\"interpreter\":\"/bin/bash\",\"args\":[\"-x\"]}", null, 0, "ops", Scope.ALL));
        TaskSubmission p = tasks.planned.get(0);
        assertEquals("store", p.type());
        assertEquals("echo hi", new String(p.body()));
        assertEquals(JobWire.sha256("echo hi".getBytes()), p.params().get("sha256"));
        assertEquals("[\"-x\"]", p.params().get("args"));
    }

    @Test
    void syncsHostsThatDifferOnlyAndAgainAfterDelete() throws Exception {
        hosts.add("h-1", true);
        hosts.add("h-2", true);
        hosts.add("h-3", false);
        hosts.add("h-4", true);
        hosts.cronSections.put("h-1", "{\"digest\":\"\",\"jobs\":0}");
        hosts.cronSections.put("h-3", "{\"digest\":\"\",\"jobs\":0}");
        // h-4 reports no cron section: left alone
        CronJobRecord job = cron.create(cmd("* * * * * *", "UTC", "date", "h-1", "h-2", "h-3", "h-4"));
        // a reconciler of its own, with its own proxy: the service's reconciles on its own thread too
        Fakes.Tasks own = new Fakes.Tasks(hosts);
        Reconciler r = new Reconciler(jobs, hosts, own, Clock.systemUTC(), 30_000);
        hosts.cronSections.put("h-2", "{\"digest\":\"" + JobWire.of(List.of(job)).digest() + "\",\"jobs\":1}");
        assertEquals(List.of("h-1"), r.reconcile());
        TaskSubmission sync = own.submitted.get(own.submitted.size() - 1);
        assertEquals("cron", sync.type());
        assertEquals("sync", sync.params().get("op"));
        assertEquals(List.of("h-1"), sync.targets().hosts());
        assertEquals(Reconciler.SYSTEM, sync.createdBy());
        JsonNode body = JobWire.MAPPER.readTree(sync.body());
        assertEquals(JobWire.of(List.of(job)).digest(), body.get("digest").asText());
        JsonNode wire = body.get("jobs").get(0);
        assertEquals(job.cronId(), wire.get("cronId").asText());
        assertEquals("date", wire.get("command").asText());
        assertEquals("* * * * * *", wire.get("schedule").asText());
        assertFalse(wire.has("runAs"));

        assertEquals(List.of(), r.reconcile()); // h-1 still differs, but was synced less than 30 s ago

        assertTrue(cron.delete(job.cronId()));
        assertFalse(cron.delete(job.cronId()));
        assertFalse(cron.get(job.cronId()).orElseThrow().live());
        assertTrue(cron.list().isEmpty());
        r.changed(job.hostIds());
        // h-2 holds the job: its desired set is now empty; h-1 reports no jobs, which is the empty set
        assertEquals(List.of("h-2"), r.reconcile());
        JsonNode empty = JobWire.MAPPER.readTree(own.submitted.get(own.submitted.size() - 1).body());
        assertEquals(0, empty.get("jobs").size());
        assertEquals(JobWire.emptyDigest(), empty.get("digest").asText());
    }

    @Test
    void digestIgnoresOrderAndKeyOrderButNotContent() {
        CronJobRecord a = new CronJobRecord("a", "x", List.of("h"), List.of(), "* * * * * *", "UTC", false, "plugin",
                "{\"z\":1,\"a\":{\"y\":2,\"b\":3}}", null, 0, 1, 1, 0);
        CronJobRecord a2 = new CronJobRecord("a", "x", List.of("h"), List.of(), "* * * * * *", "UTC", false, "plugin",
                "{\"a\":{\"b\":3,\"y\":2},\"z\":1}", null, 0, 1, 1, 0);
        CronJobRecord b = new CronJobRecord("b", "x", List.of("h"), List.of(), "0 * * * * *", "UTC", true, "cmd", "{\"command\":\"ls\"}",
                "root", 5, 1, 2, 0);
        assertEquals(JobWire.of(List.of(a, b)).digest(), JobWire.of(List.of(b, a2)).digest());
        CronJobRecord b2 = new CronJobRecord("b", "x", List.of("h"), List.of(), "0 * * * * *", "UTC", true, "cmd", "{\"command\":\"ls -l\"}",
                "root", 5, 1, 2, 0);
        assertNotEquals(JobWire.of(List.of(a, b)).digest(), JobWire.of(List.of(a, b2)).digest());
        assertEquals(64, JobWire.emptyDigest().length());
    }

    @Test
    void runsComeFromTheJobsTopicInTheCallersScope() {
        data.append("h-1", List.of(new DataStore.Entry(0, "orrery.cron.c1", "h-1", 1, 5,
                "{\"startedAt\":10,\"finishedAt\":20,\"exitCode\":0,\"output\":\"ok\",\"error\":null}"),
                new DataStore.Entry(0, "orrery.cron.c2", "h-1", 2, 6, "{}"),
                new DataStore.Entry(0, "orrery.cron.c1", "h-1", 3, 7, "not json")), 0, 0);
        data.append("h-2", List.of(new DataStore.Entry(0, "orrery.cron.c1", "h-2", 1, 8,
                "{\"startedAt\":11,\"finishedAt\":11,\"exitCode\":-1,\"output\":\"\",\"error\":\"SKIPPED: busy\"}")), 0, 0);
        RunPage all = cron.runs("c1", 0, 10, null);
        assertEquals(3, all.runs().size());
        assertEquals(10, all.runs().get(0).startedAt());
        assertEquals("ok", all.runs().get(0).output());
        assertNull(all.runs().get(0).error());
        assertTrue(all.runs().get(1).error().startsWith("UNREADABLE"));
        assertEquals("SKIPPED: busy", all.runs().get(2).error());
        assertEquals(1, cron.runs("c1", 0, 10, List.of("h-2")).runs().size());
        RunPage first = cron.runs("c1", 0, 1, null);
        assertEquals(1, first.runs().size());
        assertEquals(2, cron.runs("c1", first.next(), 10, null).runs().size());
    }
}
