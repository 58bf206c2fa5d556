package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/**
 * The shape of the {@code orrery:account-*} commands that act on one account named by its key id
 * (Karaf fills the argument and the reference of a superclass too): each subclass only says what
 * it does with the account.
 */
abstract class AccountKeyCommand implements Action {

    @Argument(index = 0, name = "keyId", description = "The account's key id", required = true)
    @Completion(AccountCompleter.class)
    String keyId;

    @Reference
    AccountService accounts;

    @Override
    public final Object execute() throws Exception {
        act(new AccountShell(accounts, System.out), keyId);
        return null;
    }

    /**
     * @param shell the account operations, printing to the console
     * @param key the account's key id
     * @throws Exception a {@code CommandException} naming what failed
     */
    abstract void act(AccountShell shell, String key) throws Exception;
}
