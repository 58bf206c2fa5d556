package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-mapping}: prints an account's aliases for programs, creating missing ones. */
@Service
@Command(scope = "orrery", name = "account-mapping",
        description = "Prints an API account's aliases for the programs named (created on first use, different for every account).")
public final class AccountMappingCommand implements Action {

    @Argument(index = 0, name = "keyId", description = "The account's key id", required = true)
    @Completion(AccountCompleter.class)
    String keyId;

    @Argument(index = 1, name = "programs", description = "Program names, e.g. reboot uptime /usr/bin/id", required = true,
            multiValued = true)
    List<String> programs;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() throws Exception {
        new AccountShell(accounts, System.out).mapping(keyId, programs);
        return null;
    }
}
