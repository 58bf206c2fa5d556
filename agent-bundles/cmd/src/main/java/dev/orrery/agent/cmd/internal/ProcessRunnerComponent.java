package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.run.ProcessRunner;
import dev.orrery.guard.CommandGuard;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared {@link ProcessRunner} service: the {@code cmd} runner (same settings, PID
 * {@code dev.orrery.agent.cmd}, same spool folder) for other capabilities.
 */
@Component(service = ProcessRunner.class, configurationPid = CmdConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ProcessRunnerComponent implements ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunnerComponent.class);

    private final CommandGuard guard;
    private final CommandRunner runner;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataChannel data;

    /**
     * @param config the {@code cmd} settings
     * @param guard the high-risk command guard
     */
    @Activate
    public ProcessRunnerComponent(CmdConfig config, @Reference(name = "guard") CommandGuard guard) {
        this(CmdSettings.of(config), guard, null);
    }

    /**
     * @param settings validated settings
     * @param guard the high-risk command guard
     * @param data the data channel, {@code null} for the DS-injected one
     */
    ProcessRunnerComponent(CmdSettings settings, CommandGuard guard, DataChannel data) {
        this.guard = guard;
        this.data = data;
        this.runner = new CommandRunner(settings, CmdHandler.launcher(settings), () -> this.data);
    }

    @Override
    public TaskOutcome run(List<String> argv, String guarded, TaskRequest request, TaskContext context) {
        try {
            CommandSpec spec = CommandSpec.program(argv, guarded, request);
            if (guarded != null) {
                String confirmed = GuardCheck.vet(guard, spec, request.params().get(CONFIRMED_PARAM));
                if (confirmed != null) {
                    LOG.warn("Task {} runs a high-risk script (rule {}) its submitter confirmed at the center",
                            request.taskId(), confirmed);
                }
            }
            return runner.run(spec, request, context);
        } catch (TaskRefused r) {
            LOG.warn("Task {} refused: {}", request.taskId(), r.getMessage());
            return r.outcome();
        }
    }

    @Override
    public boolean started(String taskId) {
        return runner.started(taskId);
    }

    @Override
    public TaskOutcome reattach(TaskRequest request, TaskContext context) {
        return runner.reattach(request, context);
    }

    @Override
    public void release(String taskId) {
        Spool.of(runner.settings().spoolDir(), taskId).delete();
    }
}
