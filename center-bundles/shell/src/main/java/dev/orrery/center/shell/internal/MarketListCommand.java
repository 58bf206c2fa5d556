package dev.orrery.center.shell.internal;


import dev.orrery.center.market.MarketService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code market:list}: lists the marketplace's plugins: kind, latest version, every version, how many hosts run it. */
@Service
@Command(scope = "market", name = "list", description = "Lists the marketplace's plugins: kind, latest version, every version, how many hosts run it.")
public final class MarketListCommand implements Action {

    /** Optional: without it the command says the marketplace is not running. */
    @Reference(optional = true)
    MarketService market;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        new MarketShell(market, out).list();
    }
}
