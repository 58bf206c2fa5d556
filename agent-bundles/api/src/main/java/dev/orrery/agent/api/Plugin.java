package dev.orrery.agent.api;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a Java marketplace plugin registers: a bundle with the manifest headers
 * {@code Orrery-Plugin-Name}, {@code Orrery-Plugin-Kind: java} and
 * {@code Orrery-Plugin-Description} that registers this interface with the property
 * {@value #NAME} equal to its {@code Orrery-Plugin-Name}. The agent's {@code plugin} capability
 * installs the bundle (from the marketplace, digest checked), waits for this service as the sign
 * that it started well, and calls {@link #run} for each {@code plugin} task naming it.
 *
 * @since 0.3
 */
@ConsumerType
public interface Plugin {
    /** Service property: the plugin's name, as in its {@code Orrery-Plugin-Name} header. */
    String NAME = "orrery.plugin.name";

    /**
     * Runs the plugin once. Called on an agent worker thread (never an I/O thread); several runs
     * may overlap. Must return by the task's deadline or soon after
     * {@link TaskContext#isCancelled()} turns true. What it throws is caught and reported as
     * {@code PLUGIN_FAILED} with its message; it never reaches the agent.
     *
     * @param args the task's arguments, never {@code null}
     * @param env {@code ORRERY_TASK_ID}, {@code ORRERY_HOST_ID}, {@code ORRERY_PLUGIN_NAME},
     *     {@code ORRERY_PLUGIN_VERSION} and {@code ORRERY_PLUGIN_DIR} (a private working folder)
     * @param out the task's standard output (captured with the cmd output cap; each line also goes
     *     to the task's {@code dataTopic} when it names one)
     * @param context cancellation and deadline of this run
     * @return the exit code: 0 is success, anything else fails the task with {@code NONZERO_EXIT}
     * @throws Exception any failure, reported as {@code PLUGIN_FAILED}
     */
    int run(List<String> args, Map<String, String> env, PrintStream out, TaskContext context) throws Exception;
}
