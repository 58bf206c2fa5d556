package dev.orrery.center.security;

import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-account command mapping: an account with {@link ApiAccount#commandMapping()} on writes
 * every program of a command line as its own alias (see {@link AccountService#mapping}); this
 * service turns such a line back into the real one before the guard and the agents see it.
 * Thread-safe.
 */
@ProviderType
public interface CommandMapping {

    /**
     * Replaces every program word of the command (as {@code dev.orrery.guard.ShellWords} finds
     * them: top level, pipelines, subshells, wrapped programs, {@code sh -c} strings) by the
     * program its alias stands for.
     *
     * @param account the submitting account
     * @param command the command as sent
     * @return the command unchanged when the account has no mapping, else the expanded command
     * @throws OrreryException {@code CMD_UNMAPPED} with details listing every program word that is
     *     not one of the account's aliases (or the whole line, if it cannot be parsed)
     */
    String expand(ApiAccount account, String command);
}
