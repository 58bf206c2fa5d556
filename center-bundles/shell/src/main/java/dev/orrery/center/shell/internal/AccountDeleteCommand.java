package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-delete}: Deletes an API account and its command aliases. The last enabled admin cannot be deleted. */
@Service
@Command(scope = "orrery", name = "account-delete", description = "Deletes an API account and its command aliases. The last enabled admin cannot be deleted.")
public final class AccountDeleteCommand implements Action {

    @Argument(index = 0, name = "keyId", description = "The account's key id", required = true)
    @Completion(AccountCompleter.class)
    String keyId;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() throws Exception {
        new AccountShell(accounts, System.out).delete(keyId);
        return null;
    }
}
