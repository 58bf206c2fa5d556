package dev.orrery.center.shell.internal;

import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostTaskRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;

/** Helpers shared by the commands. */
final class ShellSupport {
    /** Most results fetched per call of {@link TaskService#results}. */
    static final int PAGE = 1000;

    private ShellSupport() {
    }

    /**
     * @param session the shell session, may be {@code null}
     * @return {@code shell:} and the logged-in user
     */
    static String createdBy(Session session) {
        String user = ShellUtil.getCurrentUserName();
        if ((user == null || user.isBlank()) && session != null && session.get("USER") != null) {
            user = session.get("USER").toString();
        }
        return "shell:" + (user == null || user.isBlank() ? "unknown" : user);
    }

    /** @return the failure as a shell error: {@code CODE: message} */
    static CommandException failure(OrreryException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean named = e.details().stream().allMatch(message::contains);
        String details = named ? "" : " [" + String.join(", ", e.details()) + "]";
        return new CommandException(e.code().name() + ": " + message + details);
    }

    /**
     * Prints up to {@code limit} per-host results, with host names in place of ids.
     *
     * @param out where to print
     * @param tasks the proxy
     * @param hosts the host store, for names
     * @param taskId the task
     * @param total how many hosts the task covers
     * @param limit most rows printed
     */
    static void printResults(PrintStream out, TaskService tasks, HostStore hosts, String taskId, int total, int limit) {
        List<HostTaskRecord> results = new ArrayList<>();
        while (results.size() < limit) {
            int asked = Math.min(PAGE, limit - results.size());
            List<HostTaskRecord> page = tasks.results(taskId, null, results.size(), asked);
            results.addAll(page.subList(0, Math.min(page.size(), asked)));
            if (page.size() < asked) {
                break;
            }
        }
        Tables.results(results, HostNames.of(results.stream().map(HostTaskRecord::hostId).toList(), hosts::get)).print(out);
        if (total > results.size()) {
            out.println("(showing " + results.size() + " of " + total + " hosts; see orrery:task " + taskId + " --limit N)");
        }
    }
}
