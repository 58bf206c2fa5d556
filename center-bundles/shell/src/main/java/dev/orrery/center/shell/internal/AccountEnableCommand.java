package dev.orrery.center.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-enable}: Enables a disabled API account. */
@Service
@Command(scope = "orrery", name = "account-enable", description = "Enables a disabled API account.")
public final class AccountEnableCommand extends AccountKeyCommand {

    @Override
    void act(AccountShell shell, String key) throws Exception {
        shell.enable(key, true);
    }
}
