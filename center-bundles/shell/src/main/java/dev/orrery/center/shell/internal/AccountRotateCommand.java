package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-rotate}: Gives an API account a new secret, printed once; the old secret stops working at once. */
@Service
@Command(scope = "orrery", name = "account-rotate", description = "Gives an API account a new secret, printed once; the old secret stops working at once.")
public final class AccountRotateCommand implements Action {

    @Argument(index = 0, name = "keyId", description = "The account's key id", required = true)
    @Completion(AccountCompleter.class)
    String keyId;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() throws Exception {
        new AccountShell(accounts, System.out).rotate(keyId);
        return null;
    }
}
