package dev.orrery.center.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:account-rotate}: Gives an API account a new secret, printed once; the old secret stops working at once. */
@Service
@Command(scope = "orrery", name = "account-rotate", description = "Gives an API account a new secret, printed once; the old secret stops working at once.")
public final class AccountRotateCommand extends AccountKeyCommand {

    @Override
    void act(AccountShell shell, String key) throws Exception {
        shell.rotate(key);
    }
}
