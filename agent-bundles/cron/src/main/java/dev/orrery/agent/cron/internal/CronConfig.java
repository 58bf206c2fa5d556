package dev.orrery.agent.cron.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent.cron}: the agent's scheduled jobs. */
@ObjectClassDefinition(name = "Orrery agent cron",
        description = "Runs the cron jobs the center syncs to this host, also while the center is away.")
public @interface CronConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.cron";

    @AttributeDefinition(name = "Folder", required = false,
            description = "Where the job set is kept (jobs.json), so jobs survive a restart of the agent. "
                    + "Empty: ${karaf.data}/orrery/cron.")
    String folder() default "";

    @AttributeDefinition(name = "Most concurrent runs", min = "1", max = "256",
            description = "Runs of all jobs at once; a fire past this is skipped and recorded as AGENT_OVERLOADED.")
    int maxConcurrent() default 8;

    @AttributeDefinition(name = "Output cap (bytes)", min = "0", max = "12288",
            description = "Output (stdout then stderr) kept in each run record; the rest is dropped.")
    int maxOutputBytes() default 4096;
}
