package dev.orrery.center.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-disable}: Disables an API account: its requests are refused (401) from now on. The last enabled admin cannot be disabled. */
@Service
@Command(scope = "orrery", name = "account-disable", description = "Disables an API account: its requests are refused (401) from now on. The last enabled admin cannot be disabled.")
public final class AccountDisableCommand extends AccountKeyCommand {

    @Override
    void act(AccountShell shell, String key) throws Exception {
        shell.enable(key, false);
    }
}
