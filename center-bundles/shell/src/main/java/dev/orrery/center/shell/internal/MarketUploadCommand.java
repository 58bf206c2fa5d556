package dev.orrery.center.shell.internal;

import dev.orrery.center.market.MarketService;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** {@code market:upload}: uploads a plugin bundle jar from a file (validated; the uploader is the shell user). */
@Service
@Command(scope = "market", name = "upload", description = "Uploads a plugin bundle jar from a file (validated; the uploader is the shell user).")
public final class MarketUploadCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "The plugin bundle jar")
    @Completion(FileCompleter.class)
    String file;

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
        new MarketShell(market, out).upload(Path.of(file), ShellSupport.createdBy(session));
    }
}
