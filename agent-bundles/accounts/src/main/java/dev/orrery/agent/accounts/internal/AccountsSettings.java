package dev.orrery.agent.accounts.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validated settings.
 *
 * @param root the root folder every operation works under (absolute, normalised, an existing folder)
 * @param rotateHours hours between automatic rotations of public passwords, 0 = off
 * @param toolTimeoutSeconds longest run of one tool
 * @param shell login shell of created accounts
 */
record AccountsSettings(Path root, int rotateHours, int toolTimeoutSeconds, String shell) {

    /**
     * @param c the configuration
     * @return the validated settings
     * @throws IllegalArgumentException naming the invalid setting
     */
    static AccountsSettings of(AccountsConfig c) {
        return of(c.root(), c.publicPasswordRotateHours(), c.toolTimeoutSeconds(), c.shell());
    }

    static AccountsSettings of(String root, int rotateHours, int toolTimeoutSeconds, String shell) {
        if (root == null || root.isBlank() || !root.startsWith("/")) {
            throw new IllegalArgumentException("root must be an absolute path, was '" + root + "'");
        }
        Path r = Path.of(root).normalize();
        if (!Files.isDirectory(r)) {
            throw new IllegalArgumentException("root must be an existing folder, was '" + root + "'");
        }
        if (rotateHours < 0) {
            throw new IllegalArgumentException("publicPasswordRotateHours must be 0 or more, was " + rotateHours);
        }
        if (toolTimeoutSeconds < 1) {
            throw new IllegalArgumentException("toolTimeoutSeconds must be at least 1, was " + toolTimeoutSeconds);
        }
        if (shell == null || !shell.matches("/[A-Za-z0-9_./-]+")) {
            throw new IllegalArgumentException("shell must be an absolute path, was '" + shell + "'");
        }
        return new AccountsSettings(r, rotateHours, toolTimeoutSeconds, shell);
    }

    /** @return whether operations run on the host's own accounts rather than a scratch root */
    boolean hostRoot() {
        return root.getParent() == null;
    }

    /**
     * @param absolute an absolute path as the accounts database names it (a home folder)
     * @return that path under the root
     * @throws IllegalArgumentException if it escapes the root
     */
    Path under(String absolute) {
        Path p = root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path '" + absolute + "' escapes the root");
        }
        return p;
    }
}
