package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.cron.CronRequest;
import dev.orrery.center.cron.CronRun;
import dev.orrery.center.cron.CronService;
import dev.orrery.center.cron.RunPage;
import dev.orrery.center.store.CronJobRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CronShellTest {
    private static final CronJobRecord JOB = new CronJobRecord("cr-1", "shell:karaf", List.of("h-1", "h-2"), List.of("web"),
            "0 */5 * * * *", "UTC", true, "cmd", "{\"command\":\"uptime\"}", null, 0, 1, 1000, 0);

    /** 2500 runs on one host, paged 1000 at a time. */
    private static final CronService CRON = new CronService() {
        @Override
        public CronJobRecord create(CronRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CronJobRecord> list() {
            return List.of(JOB);
        }

        @Override
        public Optional<CronJobRecord> get(String cronId) {
            return "cr-1".equals(cronId) ? Optional.of(JOB) : Optional.empty();
        }

        @Override
        public boolean delete(String cronId) {
            return false;
        }

        @Override
        public RunPage runs(String cronId, long after, int limit, Collection<String> hostIds) {
            List<CronRun> runs = new ArrayList<>();
            IntStream.rangeClosed((int) after + 1, (int) Math.min(2500, after + limit))
                    .forEach(i -> runs.add(new CronRun(i, "h-1", i * 1000L, i * 1000L + 5, 0, "run " + i, null)));
            return new RunPage(runs, runs.isEmpty() ? after : after + runs.size());
        }
    };

    private static String print(java.util.function.Consumer<CronShell> action) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        action.accept(new CronShell(CRON, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsJobs() {
        String out = print(CronShell::list);
        assertTrue(out.contains("cr-1") && out.contains("0 */5 * * * *") && out.contains("uptime"), out);
    }

    @Test
    void showsTheLatestRuns() {
        String out = print(s -> assertTrue(s.show("cr-1", 3)));
        assertTrue(out.contains("run 2500") && out.contains("run 2498"), out);
        assertFalse(out.contains("run 2497"), out);
        assertTrue(out.contains("spread"), out);
        assertEquals("", print(s -> assertFalse(s.show("nope", 3))));
    }
}
