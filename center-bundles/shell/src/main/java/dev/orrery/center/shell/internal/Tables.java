package dev.orrery.center.shell.internal;

import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostTaskRecord;
import java.util.List;
import java.util.function.Function;
import org.apache.karaf.shell.support.table.ShellTable;

/** The tables the commands print. */
final class Tables {
    private Tables() {
    }

    /**
     * @param hosts hosts
     * @return columns hostId, hostname, ip, idc, channel, status, groups
     */
    static ShellTable hosts(List<HostRecord> hosts) {
        ShellTable table = new ShellTable().emptyTableText("no hosts");
        for (String column : List.of("hostId", "hostname", "ip", "idc", "channel", "status", "groups")) {
            table.column(column);
        }
        for (HostRecord h : hosts) {
            table.addRow().addContent(h.hostId(), text(h.hostname()), text(h.primaryIp()), text(h.idc()), text(h.channel()),
                    h.status() == null ? "" : h.status().name(), String.join(",", h.groups()));
        }
        return table;
    }

    /**
     * @param results per-host results
     * @param hostName maps a hostId to the name shown
     * @return columns host, state, exit, output
     */
    static ShellTable results(List<HostTaskRecord> results, Function<String, String> hostName) {
        ShellTable table = new ShellTable().emptyTableText("no results");
        table.column("host");
        table.column("state");
        table.column("exit").alignRight();
        table.column("output");
        for (HostTaskRecord r : results) {
            table.addRow().addContent(hostName.apply(r.hostId()), r.state() == null ? "" : r.state().name(),
                    r.exitCode() == null ? "" : r.exitCode().toString(), Outputs.summary(r));
        }
        return table;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
