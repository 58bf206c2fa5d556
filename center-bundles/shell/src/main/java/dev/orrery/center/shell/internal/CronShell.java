package dev.orrery.center.shell.internal;

import dev.orrery.center.cron.CronRun;
import dev.orrery.center.cron.CronService;
import dev.orrery.center.cron.RunPage;
import dev.orrery.center.store.CronJobRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** What the {@code orrery:cron-*} commands print: plain, testable without a console. */
final class CronShell {
    private static final int OUTPUT_CHARS = 60;

    private final CronService cron;
    private final PrintStream out;

    CronShell(CronService cron, PrintStream out) {
        this.cron = cron;
        this.out = out;
    }

    /** Prints the live jobs: id, schedule, zone, spread, kind, what, hosts, creator. */
    void list() {
        ShellTable table = new ShellTable().emptyTableText("no cron jobs");
        for (String c : List.of("cronId", "schedule", "timezone", "spread", "kind", "runs", "hosts", "createdBy")) {
            table.column(c);
        }
        for (CronJobRecord j : cron.list()) {
            table.addRow().addContent(j.cronId(), j.schedule(), j.timezone(), j.spread() ? "yes" : "no", j.kind(), cut(j.spec()),
                    j.hostIds().size(), j.createdBy());
        }
        table.print(out);
    }

    /**
     * Prints one job and its latest runs.
     *
     * @param cronId the job
     * @param limit most runs printed
     * @return whether the job exists
     */
    boolean show(String cronId, int limit) {
        CronJobRecord j = cron.get(cronId).orElse(null);
        if (j == null) {
            return false;
        }
        out.println("cronId:    " + j.cronId() + (j.live() ? "" : " (deleted " + Instant.ofEpochMilli(j.deletedAt()) + ")"));
        out.println("schedule:  " + j.schedule() + " (" + j.timezone() + ")" + (j.spread() ? ", spread" : ""));
        out.println("runs:      " + j.kind() + " " + j.spec() + (j.runAs() == null ? "" : " as " + j.runAs()));
        out.println("hosts:     " + String.join(", ", j.hostIds()) + (j.groups().isEmpty() ? "" : " (groups " + String.join(", ", j.groups()) + ")"));
        out.println("created:   " + Instant.ofEpochMilli(j.createdAt()) + " by " + j.createdBy());
        ShellTable table = new ShellTable().emptyTableText("no runs yet");
        for (String c : List.of("host", "started", "ms", "exit", "output / error")) {
            table.column(c);
        }
        List<CronRun> runs = latest(cronId, limit);
        for (CronRun r : runs) {
            table.addRow().addContent(r.hostId(), Instant.ofEpochMilli(r.startedAt()), r.finishedAt() - r.startedAt(), r.exitCode(),
                    r.error() != null ? cut(r.error()) : cut(r.output()));
        }
        table.print(out);
        return true;
    }

    /** @return the last {@code limit} runs, paging through the topic */
    private List<CronRun> latest(String cronId, int limit) {
        java.util.ArrayDeque<CronRun> last = new java.util.ArrayDeque<>();
        long cursor = 0;
        for (int pages = 0; pages < 10_000; pages++) {
            RunPage page = cron.runs(cronId, cursor, ShellSupport.PAGE, null);
            for (CronRun r : page.runs()) {
                last.addLast(r);
                if (last.size() > limit) {
                    last.removeFirst();
                }
            }
            if (page.runs().isEmpty() || page.next() == cursor) {
                break;
            }
            cursor = page.next();
        }
        return List.copyOf(last);
    }

    private static String cut(String s) {
        String one = s == null ? "" : s.replace('\n', ' ').strip();
        return one.length() <= OUTPUT_CHARS ? one : one.substring(0, OUTPUT_CHARS - 1) + "…";
    }
}
