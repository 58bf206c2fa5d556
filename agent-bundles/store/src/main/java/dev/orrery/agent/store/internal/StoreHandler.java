package dev.orrery.agent.store.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.run.ProcessRunner;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.TaskTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task type {@code store}: the script is the task's body. It is checked against the
 * {@code sha256} parameter ({@code DIGEST_MISMATCH}), written to a private file
 * ({@link ScriptFiles}), run as {@code <interpreter> <file> args...} by the {@code cmd}
 * capability's {@link ProcessRunner} (detached, spooled, {@code runAs}, {@code cwd},
 * {@code env.*}, {@code dataTopic}; the high-risk guard vets a script whose interpreter is a
 * shell) and deleted when it ends, after a re-attach too. Needs the {@code cmd} bundle.
 * Configured by PID {@code dev.orrery.agent.store}.
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.STORE,
        configurationPid = StoreConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public final class StoreHandler implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHandler.class);
    /** Script folders older than this are left by a dead agent: swept at activation. */
    static final long SWEEP_AGE_MILLIS = 24 * 3_600_000L;

    private final StoreSettings settings;
    private final ProcessRunner runner;
    private final ScriptFiles scripts;

    /**
     * @param config the settings
     * @param runner the {@code cmd} capability's process runner
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public StoreHandler(StoreConfig config, @Reference(name = "runner") ProcessRunner runner) {
        this(StoreSettings.of(config), runner);
        scripts.sweep(SWEEP_AGE_MILLIS, System.currentTimeMillis());
    }

    /**
     * @param settings validated settings
     * @param runner the process runner
     */
    StoreHandler(StoreSettings settings, ProcessRunner runner) {
        this.settings = settings;
        this.runner = runner;
        this.scripts = new ScriptFiles(settings.scriptDir());
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        StoreTask task;
        try {
            task = StoreTask.parse(request, settings);
        } catch (TaskRefused r) {
            LOG.warn("Task {} refused: {}", request.taskId(), r.getMessage());
            return r.outcome();
        }
        if (runner.started(request.taskId())) {
            return reattach(request, context);
        }
        Path file;
        try {
            file = scripts.write(request.taskId(), task.script(), request.param("runAs", "").trim());
        } catch (IOException | RuntimeException e) {
            scripts.delete(request.taskId());
            return TaskOutcome.failed(ErrorCode.SPAWN_FAILED, "cannot write the script under " + settings.scriptDir() + ": "
                    + e.getMessage());
        }
        List<String> argv = new ArrayList<>();
        argv.add(task.interpreter());
        argv.add(file.toString());
        argv.addAll(task.args());
        TaskOutcome o = null;
        try {
            o = runner.run(argv, task.shell() ? task.text() : null, request, context);
            return o;
        } finally {
            cleanUp(request, o);
        }
    }

    /**
     * Re-attaches to a script started before the agent restarted, then deletes it; a script that
     * provably never started (the runner records the deadline before the start) is started now.
     */
    @Override
    public TaskOutcome resume(TaskRequest request, TaskContext context) {
        if (!runner.started(request.taskId())) {
            LOG.info("Task {}: the agent stopped before the script started; starting it now", request.taskId());
            return execute(request, context);
        }
        return reattach(request, context);
    }

    private TaskOutcome reattach(TaskRequest request, TaskContext context) {
        TaskOutcome o = null;
        try {
            o = runner.reattach(request, context);
            return o;
        } finally {
            cleanUp(request, o);
        }
    }

    /**
     * Deletes the script, unless the agent is stopping while it runs (the runner answers
     * {@code INTERRUPTED} on an interrupted thread): the resume after the restart deletes it then.
     */
    private void cleanUp(TaskRequest request, TaskOutcome o) {
        boolean detached = o != null && o.error() == ErrorCode.INTERRUPTED && Thread.currentThread().isInterrupted();
        if (!detached) {
            scripts.delete(request.taskId());
        }
    }

    /** The center stored the result: the spooled output and any leftover script go. */
    @Override
    public void release(TaskRequest request) {
        runner.release(request.taskId());
        scripts.delete(request.taskId());
    }
}
