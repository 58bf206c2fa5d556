package dev.orrery.center.shell.internal;

import dev.orrery.center.proxy.Plan;
import java.io.PrintStream;
import org.apache.karaf.shell.support.table.ShellTable;

/** Prints the answer to a dry run: what would run, where, and nothing ran. */
final class DryRuns {
    private DryRuns() {
    }

    /**
     * @param out where to print
     * @param plan the plan
     */
    static void print(PrintStream out, Plan plan) {
        out.println("Dry run: nothing was dispatched. Would run " + plan.type() + " on " + plan.hosts().size()
                + (plan.hosts().size() == 1 ? " host" : " hosts") + ":");
        plan.params().forEach((k, v) -> out.println("  " + k + ": " + v));
        if (plan.highRisk() != null) {
            out.println("  high risk (confirmed): " + plan.highRisk());
        }
        ShellTable table = new ShellTable().emptyTableText("no hosts");
        table.column("hostId");
        table.column("hostname");
        table.column("status");
        for (Plan.Host h : plan.hosts()) {
            table.addRow().addContent(h.hostId(), h.hostname() == null ? "" : h.hostname(), h.status() == null ? "" : h.status().name());
        }
        table.print(out);
    }
}
