package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.plugin.internal.Registry.Entry;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A version installed over a previous one is on probation until it has run once: if that first
 * run fails to run at all (a Java plugin throws, a script cannot start: {@code PLUGIN_FAILED},
 * {@code SPAWN_FAILED}, or exit 126/127 of the interpreter), the previous version goes back in,
 * the failure is kept as the plugin's {@code failedVersion}/{@code error} and the run answers
 * {@code PLUGIN_FAILED} saying so. A run that merely exits non-zero proves the version (the
 * plugin ran; its answer was no). Once proven, run failures are only reported.
 */
final class Probation {
    private static final Logger LOG = LoggerFactory.getLogger(Probation.class);
    private final Installer installer;
    private final Registry registry;
    private final PluginFiles files;

    Probation(Installer installer, Registry registry, PluginFiles files) {
        this.installer = installer;
        this.registry = registry;
        this.files = files;
    }

    /**
     * @param name the plugin that ran
     * @param version the version that ran
     * @param kind {@code java} or {@code script}
     * @param run its outcome
     * @return the outcome to answer: the run's, or {@code PLUGIN_FAILED} after a rollback
     */
    TaskOutcome judge(String name, String version, String kind, TaskOutcome run) {
        Optional<Entry> e = registry.get(name).filter(x -> version.equals(x.version()) && !x.proven());
        if (e.isEmpty() || run.error() == ErrorCode.CANCELLED || run.state() == HostTaskState.CANCELLED
                || run.state() == HostTaskState.TIMED_OUT || run.error() == ErrorCode.INTERRUPTED) {
            return run; // proven already, or the run said nothing about the plugin
        }
        synchronized (installer.lock(name)) {
            Entry now = registry.get(name).orElse(null);
            if (now == null || !version.equals(now.version()) || now.proven()) {
                return run; // another run decided meanwhile
            }
            if (!failedToRun(kind, run) || now.previous() == null) {
                registry.put(name, now.proved());
                return run;
            }
            String back = installer.rollback(name, now.previous());
            String message = name + " " + version + " failed to run: " + run.errorMessage() + "; " + back;
            LOG.warn("Plugin {}", message);
            String kept = back.startsWith("rolled back") ? now.previous() : null;
            registry.put(name, new Entry(kept, kind, null, version, ErrorCode.PLUGIN_FAILED + ": " + message, true));
            files.prune(name, kept == null ? java.util.Set.of() : java.util.Set.of(kept));
            return new TaskOutcome(HostTaskState.FAILED, run.exitCode(), run.stdout(), run.stderr(), run.truncated(),
                    ErrorCode.PLUGIN_FAILED, message);
        }
    }

    /** @return whether the run never got the plugin going, as opposed to the plugin answering a failure */
    static boolean failedToRun(String kind, TaskOutcome run) {
        if (run.error() == ErrorCode.PLUGIN_FAILED || run.error() == ErrorCode.SPAWN_FAILED) {
            return true;
        }
        return "script".equals(kind) && run.error() == ErrorCode.NONZERO_EXIT && (run.exitCode() == 126 || run.exitCode() == 127);
    }
}
