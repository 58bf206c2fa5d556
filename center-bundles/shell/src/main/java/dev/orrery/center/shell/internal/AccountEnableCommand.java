package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-enable}: Enables a disabled API account. */
@Service
@Command(scope = "orrery", name = "account-enable", description = "Enables a disabled API account.")
public final class AccountEnableCommand implements Action {

    @Argument(index = 0, name = "keyId", description = "The account's key id", required = true)
    @Completion(AccountCompleter.class)
    String keyId;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() throws Exception {
        new AccountShell(accounts, System.out).enable(keyId, true);
        return null;
    }
}
