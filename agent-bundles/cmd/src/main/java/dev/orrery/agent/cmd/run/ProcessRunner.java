package dev.orrery.agent.cmd.run;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a program for a task exactly as the {@code cmd} capability runs a command: through a
 * detached wrapper ({@code setsid}), as the task's {@code runAs} user, in its {@code cwd}, with its
 * {@code env.NAME} variables, {@code ORRERY_TASK_ID} and {@code ORRERY_HOST_ID}, stdin
 * {@code /dev/null}, output spooled per task id (so a task id runs at most once), each standard
 * output line published to the task's {@code dataTopic} when it names one; the whole process
 * tree is killed at the deadline or on cancel. Thread-safe; the methods block until the end.
 */
@ProviderType
public interface ProcessRunner {
    /** The task parameter in which the center names the high-risk rule a permitted submitter confirmed. */
    String CONFIRMED_PARAM = "confirmedHighRisk";

    /**
     * Runs a program to its end. If the task id was already started, re-attaches to it instead.
     *
     * @param argv the program (an absolute path) and its arguments
     * @param guarded shell text the high-risk guard must vet first (a shell script's content), with
     *     the task's variables and working folder in front; {@code null}: no check
     * @param request the task: its id, timeout and {@code runAs}, {@code cwd}, {@code env.*},
     *     {@code dataTopic}, {@value #CONFIRMED_PARAM} parameters
     * @param context its cancellation
     * @return the outcome; a refusal by the guard is {@code GUARD_REFUSED}, a non-zero exit
     *     {@code NONZERO_EXIT}; never throws for a failure of the program or its environment
     */
    TaskOutcome run(List<String> argv, String guarded, TaskRequest request, TaskContext context);

    /**
     * @param taskId a task id
     * @return whether a process may have been started for it (by this or an earlier agent JVM)
     */
    boolean started(String taskId);

    /**
     * Re-attaches to a process started before the agent restarted and waits for its end.
     *
     * @param request the task as first received
     * @param context its cancellation
     * @return its real outcome; {@code INTERRUPTED} where it vanished or never started
     */
    TaskOutcome reattach(TaskRequest request, TaskContext context);

    /**
     * Frees what is kept for a re-attach (the spooled output): call once the result is stored.
     *
     * @param taskId the task id
     */
    void release(String taskId);
}
