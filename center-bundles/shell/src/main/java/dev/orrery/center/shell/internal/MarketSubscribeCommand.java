package dev.orrery.center.shell.internal;

import dev.orrery.center.market.MarketService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/** {@code market:subscribe}: subscribes a host group to a plugin (newest version unless named): every host of the group, and hosts joining it later, get it, in batches. */
@Service
@Command(scope = "market", name = "subscribe", description = "Subscribes a host group to a plugin (newest version unless named): every host of the group, and hosts joining it later, get it, in batches.")
public final class MarketSubscribeCommand implements Action {

    @Option(name = "--batch", aliases = "-b", description = "Most hosts installing at once (default: the marketplace setting batchSize)")
    Integer batchSize;

    @Option(name = "--max-failures", aliases = "-f", description = "Failed hosts tolerated before the rollout pauses (default: maxFailures)")
    Integer maxFailures;

    @Argument(index = 0, name = "group", required = true, description = "The host group")
    String group;

    @Argument(index = 1, name = "plugin", required = true, description = "The plugin name")
    String plugin;

    @Argument(index = 2, name = "version", description = "The version (default: the newest uploaded)")
    String version;

    @Reference
    Session session;

    /** Optional: without it the command says the marketplace is not running. */
    @Reference(optional = true)
    MarketService market;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        new MarketShell(market, out).subscribe(group, plugin, version, batchSize, maxFailures, ShellSupport.createdBy(session));
    }
}
