package dev.orrery.agent.cmd.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent.cmd}: how the agent runs shell commands. */
@ObjectClassDefinition(name = "Orrery agent command runner",
        description = "Runs 'cmd' tasks as real child processes: <shell> -c <command>, in their own session.")
public @interface CmdConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.cmd";

    @AttributeDefinition(name = "Shell", description = "Absolute path of the shell, run as <shell> -c <command>.")
    String shell() default "/bin/sh";

    @AttributeDefinition(name = "Output cap (bytes)", min = "1",
            description = "Largest output kept per stream (stdout and stderr each); the rest is read and discarded, "
                    + "and the result is flagged truncated.")
    int maxOutputBytes() default 1048576;

    @AttributeDefinition(name = "Default timeout (seconds)", min = "1",
            description = "Timeout of a task that names none. On timeout the whole process tree is killed.")
    int defaultTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Kill grace (milliseconds)", min = "0",
            description = "On timeout or cancel: time between SIGTERM and SIGKILL to the process tree.")
    long killGraceMillis() default 2000;
}
