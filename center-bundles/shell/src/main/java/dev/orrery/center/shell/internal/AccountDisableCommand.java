package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-disable}: Disables an API account: its requests are refused (401) from now on. The last enabled admin cannot be disabled. */
@Service
@Command(scope = "orrery", name = "account-disable", description = "Disables an API account: its requests are refused (401) from now on. The last enabled admin cannot be disabled.")
public final class AccountDisableCommand implements Action {

    @Argument(index = 0, name = "keyId", description = "The account's key id", required = true)
    @Completion(AccountCompleter.class)
    String keyId;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() throws Exception {
        new AccountShell(accounts, System.out).enable(keyId, false);
        return null;
    }
}
