package dev.orrery.center.shell.internal;

import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:host}: one host with its inventory, mismatches and the status its agent reports. */
@Service
@Command(scope = "orrery", name = "host", description = "Shows one host: identity, inventory (owner, expected SN/IP, mismatch)"
        + " and the hostinfo, agent and other sections its agent reports.")
public final class HostShowCommand implements Action {

    @Argument(index = 0, name = "host", required = true, description = "hostId, or a hostname, IP or SN naming one host")
    @Completion(HostCompleter.class)
    private String id;

    @Reference
    private HostStore hosts;

    @Override
    public Object execute() throws Exception {
        Optional<HostRecord> host = hosts.get(id);
        if (host.isEmpty()) {
            List<String> ids = hosts.resolve(List.of(id), List.of()).hostIds();
            if (ids.size() > 1) {
                throw new CommandException("'" + id + "' names " + ids.size() + " hosts: " + String.join(", ", ids));
            }
            host = ids.isEmpty() ? host : hosts.get(ids.get(0));
        }
        HostRecord h = host.orElseThrow(() -> new CommandException("no host '" + id + "'"));
        HostSheet.print(h, hosts.inventory(h.hostId()).orElse(null), hosts.status(h.hostId()), System.out);
        return null;
    }
}
