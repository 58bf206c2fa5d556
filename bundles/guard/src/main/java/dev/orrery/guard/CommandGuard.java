package dev.orrery.guard;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides whether a shell command line is high-risk (destroys system folders, formats or writes raw
 * block devices, is a fork bomb, powers the host off, changes permissions of system folders
 * recursively, overwrites account files, hides its content in an encoded form, or cannot be parsed).
 * The check only parses the text; it never runs anything. Implementations are thread-safe.
 */
@ProviderType
public interface CommandGuard {
    /**
     * @param command the command line as it would be given to {@code sh -c}
     * @return {@link Verdict#allowed()} or a blocked verdict naming the rule; never {@code null}
     */
    Verdict check(String command);
}
