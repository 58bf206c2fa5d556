package dev.orrery.plugin.portcheck.internal;

import dev.orrery.agent.api.Plugin;
import dev.orrery.agent.api.TaskContext;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code port-check} plugin: {@code [--timeout=S] HOST:PORT...}. Connects over TCP to each
 * target in turn and prints one line per target ({@code HOST:PORT open 3 ms},
 * {@code HOST:PORT closed (Connection refused)}, {@code HOST:PORT timeout},
 * {@code HOST:PORT unknown host}), then {@code summary: N of M open}. Exit 0 when every target is
 * open, 1 otherwise (or when cancelled), 2 for bad arguments (the reason and the usage printed).
 * Host names are resolved by the system resolver before the connect timeout starts.
 * Stateless; overlapping runs are independent.
 */
@Component(service = Plugin.class, property = Plugin.NAME + "=port-check")
public final class PortCheckPlugin implements Plugin {
    static final int EXIT_NOT_ALL_OPEN = 1;
    static final int EXIT_USAGE = 2;

    @Override
    public int run(List<String> args, Map<String, String> env, PrintStream out, TaskContext context) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("port-check: " + e.getMessage());
            out.println(Request.USAGE);
            return EXIT_USAGE;
        }
        Probe probe = new Probe(request.timeoutSeconds());
        context.onCancel(probe);
        int open = 0;
        int done = 0;
        for (Target target : request.targets()) {
            if (context.isCancelled() || probe.cancelled()) {
                break;
            }
            Probe.Outcome outcome = probe.check(target);
            if (outcome.state() == Probe.State.CANCELLED) {
                break;
            }
            out.println(outcome.line());
            done++;
            if (outcome.state() == Probe.State.OPEN) {
                open++;
            }
        }
        int total = request.targets().size();
        if (done < total) {
            out.println("port-check: cancelled after " + done + " of " + total + " checks");
            return EXIT_NOT_ALL_OPEN;
        }
        out.println("summary: " + open + " of " + total + " open");
        return open == total ? 0 : EXIT_NOT_ALL_OPEN;
    }
}
