package dev.orrery.center.shell.internal;

import dev.orrery.center.security.AccountService;
import dev.orrery.center.store.ApiAccount;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes API key ids. */
@Service
public final class AccountCompleter implements Completer {

    @Reference
    private AccountService accounts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(accounts.list().stream().map(ApiAccount::keyId).toList()).complete(session, commandLine, candidates);
    }
}
