package dev.orrery.agent.cmd.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent.cmd}: how the agent runs shell commands. */
@ObjectClassDefinition(name = "Orrery agent command runner",
        description = "Runs 'cmd' tasks as detached processes, <shell> -c <command> in their own session, output spooled to files.")
public @interface CmdConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.cmd";

    @AttributeDefinition(name = "Shell", description = "Absolute path of the shell, run as <shell> -c <command>.")
    String shell() default "/bin/sh";

    @AttributeDefinition(name = "Output cap (bytes)", min = "1",
            description = "Largest output reported per stream (stdout and stderr each); the rest stays in the spool "
                    + "file, unreported, and the result is flagged truncated.")
    int maxOutputBytes() default 1048576;

    @AttributeDefinition(name = "Default timeout (seconds)", min = "1",
            description = "Timeout of a task that names none. On timeout the whole process tree is killed.")
    int defaultTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Kill grace (milliseconds)", min = "0",
            description = "On timeout or cancel: time between SIGTERM and SIGKILL to the process tree.")
    long killGraceMillis() default 2000;

    @AttributeDefinition(name = "Spool folder", required = false,
            description = "Where each command's output, pid and exit status are kept (one folder per task), so a "
                    + "command survives a restart of the agent. Empty: ${karaf.data}/orrery/agent/spool.")
    String spoolDir() default "";

    @AttributeDefinition(name = "Spool retention (hours)", min = "1",
            description = "A task's spool folder is deleted this long after its deadline (its result was reported).")
    int spoolRetentionHours() default 24;
}
