package dev.orrery.center.shell.internal;

import dev.orrery.center.market.MarketService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/** {@code market:unsubscribe}: removes a group's subscription: its hosts uninstall the plugin within seconds (unless another of their groups wants it). */
@Service
@Command(scope = "market", name = "unsubscribe", description = "Removes a group's subscription: its hosts uninstall the plugin within seconds (unless another of their groups wants it).")
public final class MarketUnsubscribeCommand implements Action {

    @Argument(index = 0, name = "group", required = true, description = "The host group")
    String group;

    @Argument(index = 1, name = "plugin", required = true, description = "The plugin name")
    String plugin;

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
        new MarketShell(market, out).unsubscribe(group, plugin, ShellSupport.createdBy(session));
    }
}
