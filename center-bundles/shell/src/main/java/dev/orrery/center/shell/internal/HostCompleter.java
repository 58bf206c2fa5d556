package dev.orrery.center.shell.internal;

import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes host names, host ids and {@code group:NAME} from the store (first 1000 hosts). */
@Service
public final class HostCompleter implements Completer {

    @Reference
    private HostStore hosts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(names(hosts.find(HostQuery.all()))).complete(session, commandLine, candidates);
    }

    static TreeSet<String> names(List<HostRecord> found) {
        TreeSet<String> names = new TreeSet<>();
        for (HostRecord h : found) {
            names.add(h.hostId());
            if (h.hostname() != null && !h.hostname().isBlank()) {
                names.add(h.hostname());
            }
            h.groups().forEach(g -> names.add(RunArgs.GROUP_PREFIX + g));
        }
        return names;
    }
}
