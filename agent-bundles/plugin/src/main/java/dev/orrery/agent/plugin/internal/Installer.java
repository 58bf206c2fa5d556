package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.plugin.internal.Registry.Entry;
import dev.orrery.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, updates and uninstalls plugin bundles, one framework operation at a time. An
 * install that fails to install, resolve, start or verify (java: its Plugin service appears;
 * script: its entry was extracted and its {@code #!} line is valid) is rolled back to the previous
 * version (its jar is kept) or uninstalled when there was none, and remembered in the
 * {@link Registry}. Everything a plugin throws is caught: no bundle is left half-installed.
 */
final class Installer {
    /** Tells whether a script plugin's entry is ready to run. */
    interface ScriptCheck {
        /** @param name a plugin @param version its version @return why it cannot run, {@code null} if it can */
        String problem(String name, String version);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);
    private final Bundles bundles;
    private final Registry registry;
    private final PluginFiles files;
    private final ScriptCheck scripts;
    private final Duration startTimeout;
    /** One lock for all plugins: a bundle resolving while Felix installed another missed the API's exports (MarketIT). */
    private final Object framework = new Object();
    private final Probation probation;

    Installer(Bundles bundles, Registry registry, PluginFiles files, ScriptCheck scripts, Duration startTimeout) {
        this.bundles = bundles;
        this.registry = registry;
        this.files = files;
        this.scripts = scripts;
        this.startTimeout = startTimeout;
        this.probation = new Probation(this, registry, files);
    }

    /** @return the judge of first runs after an update */
    Probation probation() {
        return probation;
    }

    /**
     * @param p the checked headers of the jar (matching the task)
     * @param jar the jar
     * @return {@code SUCCEEDED} (installed, or already installed and healthy) or {@code PLUGIN_FAILED} (rolled back)
     */
    TaskOutcome install(PluginJar p, byte[] jar) {
        synchronized (lock(p.name())) {
            Optional<Bundles.Found> cur = bundles.find(p.name());
            if (cur.isPresent() && cur.get().version().equals(p.version()) && cur.get().active() && healthy(p)) {
                return TaskOutcome.succeeded(p.name() + " " + p.version() + " already installed\n");
            }
            String old = cur.map(Bundles.Found::version).filter(v -> !v.equals(p.version())).orElse(null);
            Path file;
            try {
                file = files.store(p.name(), p.version(), jar);
            } catch (java.io.IOException | RuntimeException e) { // nothing changed in the framework: nothing to roll back
                LOG.error("Plugin {} {}: cannot keep its jar", p.name(), p.version(), e);
                return TaskOutcome.failed(ErrorCode.PLUGIN_FAILED, p.name() + " " + p.version() + " was not installed: its jar cannot be "
                        + "kept under " + files.root() + ": " + Reasons.of(e));
            }
            String step = "install";
            try {
                if (cur.isPresent()) {
                    bundles.update(p.name(), file);
                } else {
                    bundles.install(p.name(), file);
                }
                step = "start";
                bundles.start(p.name());
                String problem = problem(p, startTimeout);
                if (problem != null) {
                    throw new TaskRefused(ErrorCode.PLUGIN_FAILED, problem);
                }
            } catch (Throwable t) { // a plugin must never break the agent
                return failed(p, old, step, t);
            }
            Entry before = registry.get(p.name()).orElse(null);
            String previous = old != null ? old : before == null ? null : before.previous();
            // a version that replaced another is on probation until it has run once (Probation)
            registry.put(p.name(), new Entry(p.version(), p.kind(), previous, null, null, previous == null));
            files.prune(p.name(), keep(p.version(), previous));
            LOG.info("Plugin {} {} installed{}", p.name(), p.version(), old == null ? "" : " (was " + old + ")");
            return TaskOutcome.succeeded(p.name() + " " + p.version() + " installed" + (old == null ? "" : ", was " + old) + "\n");
        }
    }

    /**
     * @param name a valid plugin name
     * @return {@code SUCCEEDED} (uninstalled or not installed) or {@code PLUGIN_FAILED}
     */
    TaskOutcome uninstall(String name) {
        synchronized (lock(name)) {
            Optional<Bundles.Found> cur = bundles.find(name);
            if (cur.isPresent()) {
                try {
                    bundles.uninstall(name);
                } catch (Throwable t) {
                    LOG.warn("Plugin {} cannot be uninstalled", name, t);
                    return TaskOutcome.failed(ErrorCode.PLUGIN_FAILED, "cannot uninstall " + name + ": " + Reasons.of(t));
                }
            }
            registry.put(name, null);
            files.deleteAll(name);
            return TaskOutcome.succeeded(cur.map(f -> name + " " + f.version() + " uninstalled\n").orElse(name + " not installed\n"));
        }
    }

    private TaskOutcome failed(PluginJar p, String old, String step, Throwable t) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String why = Reasons.of(t);
        LOG.warn("Plugin {} {} failed to {}: {}", p.name(), p.version(), step, why);
        String back = rollback(p.name(), old);
        String message = p.name() + " " + p.version() + " failed to " + step + ": " + why + "; " + back;
        Optional<Bundles.Found> now = bundles.find(p.name());
        Entry before = registry.get(p.name()).orElse(null);
        String version = now.map(Bundles.Found::version).orElse(null);
        String previous = before != null && version != null && version.equals(before.version()) ? before.previous() : null;
        registry.put(p.name(), new Entry(version, now.map(Bundles.Found::kind).orElse(p.kind()), previous, p.version(),
                ErrorCode.PLUGIN_FAILED + ": " + message, true));
        files.prune(p.name(), keep(version, previous));
        return TaskOutcome.failed(ErrorCode.PLUGIN_FAILED, message);
    }

    /** @param name a plugin @return the lock its installs, uninstalls and rollbacks hold (one for all plugins) */
    Object lock(String name) {
        return framework;
    }

    /** @return what became of the plugin: rolled back to the old version, or uninstalled */
    String rollback(String name, String old) {
        Path oldJar = old == null ? null : files.jar(name, old);
        if (oldJar != null && Files.isRegularFile(oldJar)) {
            try {
                bundles.update(name, oldJar);
                bundles.start(name);
                return "rolled back to " + old;
            } catch (Throwable t) {
                LOG.warn("Plugin {}: the rollback to {} failed too", name, old, t);
                return uninstallQuietly(name, "the rollback to " + old + " failed too (" + Reasons.of(t) + "); ");
            }
        }
        return uninstallQuietly(name, old == null ? "" : "no jar of " + old + " kept; ");
    }

    private String uninstallQuietly(String name, String prefix) {
        try {
            bundles.uninstall(name);
            return prefix + "uninstalled";
        } catch (Throwable t) {
            LOG.error("Plugin {} cannot be uninstalled after a failed install", name, t);
            return prefix + "the uninstall failed too: " + Reasons.of(t);
        }
    }

    private boolean healthy(PluginJar p) {
        try {
            return problem(p, Duration.ZERO) == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return why the plugin cannot run, {@code null} when it can */
    private String problem(PluginJar p, Duration wait) throws InterruptedException {
        if (p.kind().equals("java")) {
            return bundles.awaitPlugin(p.name(), wait) ? null
                    : "no Plugin service with " + dev.orrery.agent.api.Plugin.NAME + "=" + p.name() + " registered by its bundle within "
                            + wait.toSeconds() + " s";
        }
        return scripts.problem(p.name(), p.version());
    }

    private static Set<String> keep(String... versions) {
        Set<String> out = new HashSet<>();
        for (String v : versions) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
