package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-list}: lists the API accounts (never their secrets). */
@Service
@Command(scope = "orrery", name = "account-list", description = "Lists the API accounts with their roles and scopes (never their secrets).")
public final class AccountListCommand implements Action {

    @Reference
    AccountService accounts;

    @Override
    public Object execute() throws Exception {
        new AccountShell(accounts, System.out).list();
        return null;
    }
}
