package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** {@code orrery:account-create}: creates an API account and prints its key id and secret once. */
@Service
@Command(scope = "orrery", name = "account-create",
        description = "Creates an API account and prints its key id and secret (shown once; stored encrypted).")
public final class AccountCreateCommand implements Action {

    @Argument(index = 0, name = "name", description = "A unique name: letters, digits, . _ @ -", required = true)
    String name;

    @Option(name = "--role", aliases = "-r", description = "admin, operator (hosts and tasks) or viewer (read only); default viewer")
    @Completion(value = StringsCompleter.class, values = {"admin", "operator", "viewer"})
    String role = "viewer";

    @Option(name = "--groups", aliases = "-g", description = "Comma-separated host groups it may see and target (default: every host)")
    String groups;

    @Option(name = "--task-types", aliases = "-t", description = "Comma-separated task types it may start (default: every type)")
    String taskTypes;

    @Option(name = "--command-mapping", aliases = "-m", description = "It must write every program as its alias (see orrery:account-mapping)")
    boolean commandMapping;

    @Option(name = "--permissions", aliases = "-p", description = "Comma-separated extra permissions, e.g. cmd:highrisk,audit:read")
    String permissions;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() throws Exception {
        new AccountShell(accounts, System.out).create(name, role, groups, taskTypes, commandMapping, permissions);
        return null;
    }
}
