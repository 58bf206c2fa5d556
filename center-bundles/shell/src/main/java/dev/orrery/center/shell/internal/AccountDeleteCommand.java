package dev.orrery.center.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-delete}: Deletes an API account and its command aliases. The last enabled admin cannot be deleted. */
@Service
@Command(scope = "orrery", name = "account-delete", description = "Deletes an API account and its command aliases. The last enabled admin cannot be deleted.")
public final class AccountDeleteCommand extends AccountKeyCommand {

    @Override
    void act(AccountShell shell, String key) throws Exception {
        shell.delete(key);
    }
}
