package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.TaskTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task type {@code cmd}: runs {@code <shell> -c <command>} as a real child process in its own
 * session. Parameters: {@code command} (required), {@code runAs}, {@code cwd}, {@code env.NAME}.
 * Configured by PID {@code dev.orrery.agent.cmd}; a configuration change re-creates it.
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.CMD,
        configurationPid = CmdConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CmdConfig.class)
public final class CmdHandler implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CmdHandler.class);

    private final CommandRunner runner;

    /**
     * @param config the settings
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public CmdHandler(CmdConfig config) {
        CmdSettings settings = CmdSettings.of(config);
        Launcher launcher = new Launcher(settings.shell(), Launcher.find("/usr/bin/setsid", "/bin/setsid"),
                Launcher.find("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"), new Accounts());
        if (!launcher.ownSession()) {
            LOG.warn("setsid not found: a timeout or cancel can only kill the descendants still attached to the command");
        }
        this.runner = new CommandRunner(settings, launcher);
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        return runner.run(request, context);
    }
}
