package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.TaskTypes;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task type {@code cmd}: runs {@code <shell> -c <command>} detached, in its own session, with its
 * output spooled to files, so the command survives a restart of the agent and {@link #resume}
 * re-attaches to it. Parameters: {@code command} (required), {@code runAs}, {@code cwd},
 * {@code env.NAME}. Configured by PID {@code dev.orrery.agent.cmd}; a configuration change
 * re-creates it.
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.CMD,
        configurationPid = CmdConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CmdConfig.class)
public final class CmdHandler implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CmdHandler.class);
    /** Spools are pruned at most this often (on the thread of a task that starts). */
    private static final long PRUNE_EVERY_MILLIS = 600_000;

    private final CmdSettings settings;
    private final CommandRunner runner;
    private final AtomicLong lastPrune = new AtomicLong();

    /**
     * @param config the settings
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public CmdHandler(CmdConfig config) {
        this(CmdSettings.of(config));
    }

    /** @param settings validated settings */
    CmdHandler(CmdSettings settings) {
        this.settings = settings;
        Launcher launcher = new Launcher(settings.shell(), Launcher.find("/usr/bin/setsid", "/bin/setsid"),
                Launcher.find("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"), new Accounts());
        if (!launcher.ownSession()) {
            LOG.warn("setsid not found: a timeout or cancel can only kill the descendants still attached to the command");
        }
        this.runner = new CommandRunner(settings, launcher);
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        pruneNowAndThen();
        return runner.run(request, context);
    }

    @Override
    public TaskOutcome resume(TaskRequest request, TaskContext context) {
        return runner.resume(request, context);
    }

    /** The center stored the result: the spooled output is no longer needed for a resume. */
    @Override
    public void release(TaskRequest request) {
        Spool.of(settings.spoolDir(), request.taskId()).delete();
    }

    private void pruneNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPrune.get();
        if (now - last >= PRUNE_EVERY_MILLIS && lastPrune.compareAndSet(last, now)) {
            SpoolPruner.prune(settings.spoolDir(), settings.spoolRetentionMillis(), now);
        }
    }
}
