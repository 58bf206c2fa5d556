package dev.orrery.center.shell.internal;

import dev.orrery.center.market.MarketService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code market:status}: shows each subscription (of one group, or all): rollout state, reason, counts, and per host desired against actual. */
@Service
@Command(scope = "market", name = "status", description = "Shows each subscription (of one group, or all): rollout state, reason, counts, and per host desired against actual.")
public final class MarketStatusCommand implements Action {

    @Argument(index = 0, name = "group", description = "Only this host group")
    String group;

    /** Optional: without it the command says the marketplace is not running. */
    @Reference(optional = true)
    MarketService market;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        new MarketShell(market, out).status(group);
    }
}
