package dev.orrery.center.shell.internal;

import dev.orrery.center.store.DataStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:data-tail}: follows a data channel topic until Ctrl-C, or for a given time. */
@Service
@Command(scope = "orrery", name = "data-tail", description = "Follows a data channel topic: prints 'hostId seq time data' per record"
        + " until Ctrl-C.")
public final class DataTailCommand implements Action {
    /** Pause between polls when nothing new came. */
    static final long POLL_MILLIS = 500;

    @Option(name = "-n", description = "How many of the newest records to print first (default 10)")
    private int last = 10;

    @Option(name = "--from-start", description = "Print every stored record of the topic first")
    private boolean fromStart;

    @Option(name = "--for", description = "Stop following after this many seconds (default 0: until Ctrl-C)")
    private int seconds;

    @Argument(index = 0, name = "topic", required = true, description = "The topic, e.g. app.metrics or orrery.cron.<cronId>")
    private String topic;

    @Reference
    private DataStore data;

    @Override
    public Object execute() throws Exception {
        if (last < 0 || seconds < 0) {
            throw new CommandException("-n and --for must not be negative");
        }
        if (!topic.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new CommandException("'" + topic + "' is not a topic: 1-128 letters, digits, '.', '_' or '-'");
        }
        try {
            new DataTail(data, Thread::sleep, POLL_MILLIS).follow(topic, last, fromStart, System.out,
                    seconds == 0 ? Long.MAX_VALUE : Math.max(1, seconds * 1000L / POLL_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Ctrl-C: stop following
        }
        return null;
    }
}
