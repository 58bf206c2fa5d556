package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.TaskTypes;
import dev.orrery.guard.CommandGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task type {@code cmd}: runs {@code <shell> -c <command>} detached, in its own session, with its
 * output spooled to files, so the command survives a restart of the agent and {@link #resume}
 * re-attaches to it. Parameters: {@code command} (required), {@code runAs}, {@code cwd},
 * {@code env.NAME}, {@code dataTopic} (each standard output line also goes to that topic of the
 * agent's {@link DataChannel}, an optional service the agent core provides). Every command is first checked by the high-risk {@link CommandGuard} (a
 * mandatory service): a refused one fails with {@code GUARD_REFUSED} and nothing is spawned.
 * Configured by PID {@code dev.orrery.agent.cmd}; a configuration change re-creates it.
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.CMD,
        configurationPid = CmdConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CmdConfig.class)
public final class CmdHandler implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CmdHandler.class);

    private final CmdSettings settings;
    private final CommandGuard guard;
    private final CommandRunner runner;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataChannel data;

    /**
     * @param config the settings
     * @param guard the high-risk command guard
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public CmdHandler(CmdConfig config, @Reference(name = "guard") CommandGuard guard) {
        this(CmdSettings.of(config), guard);
    }

    /**
     * @param settings validated settings
     * @param guard the high-risk command guard
     */
    CmdHandler(CmdSettings settings, CommandGuard guard) {
        this(settings, guard, null);
    }

    /**
     * @param settings validated settings
     * @param guard the high-risk command guard
     * @param data the data channel ({@code null}: the one DS injects, if any)
     */
    CmdHandler(CmdSettings settings, CommandGuard guard, DataChannel data) {
        this.settings = settings;
        this.guard = guard;
        this.data = data;
        this.runner = new CommandRunner(settings, launcher(settings), () -> this.data);
    }

    /**
     * @param settings validated settings
     * @return the launcher of this host (setsid, runuser where installed)
     */
    static Launcher launcher(CmdSettings settings) {
        Launcher launcher = new Launcher(settings.shell(), Launcher.find("/usr/bin/setsid", "/bin/setsid"),
                Launcher.find("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"), new Accounts());
        if (!launcher.ownSession()) {
            LOG.warn("setsid not found: a timeout or cancel can only kill the descendants still attached to the command");
        }
        return launcher;
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        try {
            String confirmed = GuardCheck.vet(guard, CommandSpec.parse(request), request.params().get(GuardCheck.CONFIRMED_PARAM));
            if (confirmed != null) {
                LOG.warn("Task {} runs a high-risk command (rule {}) its submitter confirmed at the center", request.taskId(), confirmed);
            }
        } catch (TaskRefused r) {
            LOG.warn("Task {} refused: {}", request.taskId(), r.getMessage());
            return r.outcome();
        }
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
}
