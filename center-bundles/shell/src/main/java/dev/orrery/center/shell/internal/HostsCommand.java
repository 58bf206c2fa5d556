package dev.orrery.center.shell.internal;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostStore;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** {@code orrery:hosts}: lists the hosts the center knows. */
@Service
@Command(scope = "orrery", name = "hosts", description = "Lists the hosts the center knows, with their status and groups.")
public final class HostsCommand implements Action {

    @Option(name = "--status", aliases = "-s", description = "Only hosts in this status: ONLINE or OFFLINE")
    @Completion(value = StringsCompleter.class, values = {"ONLINE", "OFFLINE"})
    private String status;

    @Option(name = "--group", aliases = "-g", description = "Only hosts in this group")
    private String group;

    @Option(name = "--limit", aliases = "-n", description = "Most hosts shown (default 1000)")
    private int limit = 1000;

    @Argument(index = 0, name = "query", description = "Text matched against hostId, hostname, IPs and SN")
    @Completion(HostCompleter.class)
    private String query;

    @Reference
    private HostStore hosts;

    @Override
    public Object execute() throws Exception {
        if (limit < 1) {
            throw new CommandException("--limit must be at least 1");
        }
        HostQuery q = new HostQuery(parseStatus(status), blankToNull(group), blankToNull(query), 0, limit);
        var found = hosts.find(q);
        int total = hosts.count(q);
        Tables.hosts(found).print(System.out);
        System.out.println(total > found.size() ? "(showing " + found.size() + " of " + total + " hosts)" : total + (total == 1 ? " host" : " hosts"));
        return null;
    }

    static HostStatus parseStatus(String s) throws CommandException {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return HostStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("--status must be ONLINE or OFFLINE, not '" + s + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
