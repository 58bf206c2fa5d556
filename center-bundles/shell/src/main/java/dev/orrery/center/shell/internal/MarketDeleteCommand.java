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

/** {@code market:delete}: deletes a plugin version no group subscribes to (its jar too). */
@Service
@Command(scope = "market", name = "delete", description = "Deletes a plugin version no group subscribes to (its jar too).")
public final class MarketDeleteCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "The plugin name")
    String name;

    @Argument(index = 1, name = "version", required = true, description = "The version")
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
        new MarketShell(market, out).delete(name, version, ShellSupport.createdBy(session));
    }
}
