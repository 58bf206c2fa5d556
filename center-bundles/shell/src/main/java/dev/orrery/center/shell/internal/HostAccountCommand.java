package dev.orrery.center.shell.internal;

import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:host-account create|delete|rotate USER TARGET...}: login accounts on hosts, as POST/DELETE /host-accounts. */
@Service
@Command(scope = "orrery", name = "host-account", description = "Creates, deletes or rotates a login account on hosts.",
        detailedDescription = "  orrery:host-account -k \"ssh-ed25519 AAAA... me@laptop\" --sudo create alice web-1 group:db\n"
                + "  orrery:host-account --public -k \"ssh-ed25519 ...\" create kiosk group:lab\n"
                + "  orrery:host-account rotate kiosk group:lab     (prints each host's new password, once)\n"
                + "  orrery:host-account delete alice web-1\n"
                + "Idempotent: each host's result lists what changed. See docs/host-accounts.md.")
public final class HostAccountCommand implements Action {
    static final List<String> OPS = List.of("create", "delete", "rotate");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final int TIMEOUT_SECONDS = 120;
    private static final long GRACE_MILLIS = 10_000;

    @Option(name = "--key", aliases = "-k", description = "The SSH public key line to authorise (create)")
    private String key;

    @Option(name = "--sudo", aliases = "-s", description = "Grant password-less sudo (create); without it, sudo is removed")
    private boolean sudo;

    @Option(name = "--public", description = "A public (shared) account with a rotated password (create)")
    private boolean publicKind;

    @Option(name = "--group", aliases = "-g", multiValued = true, description = "A host group (repeatable)")
    private List<String> groups;

    @Option(name = "--no-wait", description = "Print the task id and return at once")
    private boolean noWait;

    @Option(name = "--dry-run", description = "Check the targets and show where it would run; change nothing")
    private boolean dryRun;

    @Argument(index = 0, name = "op", required = true, description = "create, delete or rotate")
    private String op;

    @Argument(index = 1, name = "user", required = true, description = "The account name")
    private String user;

    @Argument(index = 2, name = "targets", multiValued = true, description = "Hosts or group:NAME")
    @Completion(HostCompleter.class)
    private List<String> words;

    @Reference
    private TaskService tasks;

    @Reference
    private HostStore hosts;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        TaskSubmission submission;
        try {
            submission = new TaskSubmission(TaskTypes.ACCOUNTS, targets(words, groups), params(op, user, key, sudo, publicKind), null,
                    TIMEOUT_SECONDS, ShellSupport.createdBy(session), Scope.ALL, false);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        TaskService.Accepted accepted;
        try {
            if (dryRun) {
                DryRuns.print(System.out, tasks.plan(submission));
                return null;
            }
            accepted = tasks.submit(submission);
        } catch (OrreryException e) {
            throw ShellSupport.failure(e);
        }
        System.out.println("Task " + accepted.taskId() + " on " + accepted.hosts() + (accepted.hosts() == 1 ? " host" : " hosts"));
        if (noWait) {
            return null;
        }
        TaskWaiter waiter = new TaskWaiter(tasks, Clock.systemUTC(), Thread::sleep, 500);
        try {
            waiter.await(accepted.taskId(), System.currentTimeMillis() + TIMEOUT_SECONDS * 1000L + GRACE_MILLIS, p -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ShellSupport.printResults(System.out, tasks, hosts, accepted.taskId(), accepted.hosts(), 200);
        return null;
    }

    /** @return the task params, checked as the REST API checks them */
    static Map<String, String> params(String op, String user, String key, boolean sudo, boolean publicKind) {
        if (!OPS.contains(op)) {
            throw new IllegalArgumentException("op must be one of " + OPS);
        }
        if (user == null || !USER.matcher(user).matches() || user.equals("root")) {
            throw new IllegalArgumentException("user must match [a-z_][a-z0-9_-]{0,31} and not be root");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("op", op);
        params.put("user", user);
        if (op.equals("create")) {
            if (key == null || key.isBlank() || key.strip().contains("\n")) {
                throw new IllegalArgumentException("create needs --key with one SSH public key line");
            }
            params.put("sshPublicKey", key.strip());
            params.put("sudo", Boolean.toString(sudo));
            params.put("kind", publicKind ? "public" : "personal");
        }
        return params;
    }

    /** @return hosts and {@code group:NAME} words plus {@code -g} groups */
    static Targets targets(List<String> words, List<String> groupOptions) {
        List<String> hostNames = new ArrayList<>();
        List<String> groupNames = new ArrayList<>(groupOptions == null ? List.of() : groupOptions);
        for (String w : words == null ? List.<String>of() : words) {
            if (w.startsWith(RunArgs.GROUP_PREFIX) && w.length() > RunArgs.GROUP_PREFIX.length()) {
                groupNames.add(w.substring(RunArgs.GROUP_PREFIX.length()));
            } else if (!w.isBlank()) {
                hostNames.add(w);
            }
        }
        if (hostNames.isEmpty() && groupNames.isEmpty()) {
            throw new IllegalArgumentException("name at least one target: a host, group:NAME or -g NAME");
        }
        return new Targets(hostNames, groupNames);
    }
}
