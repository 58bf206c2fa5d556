package dev.orrery.agent.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent.store}: how the agent runs scripts sent in a task. */
@ObjectClassDefinition(name = "Orrery agent script runner",
        description = "Runs 'store' tasks: the script travels in the task, is checked by digest, written to a private "
                + "file, run as <interpreter> <file> args... like a command, and deleted.")
public @interface StoreConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.store";

    @AttributeDefinition(name = "Largest script (bytes)", min = "1",
            description = "A larger script fails with BAD_TASK before anything is written (the center refuses it first, 413).")
    int maxScriptBytes() default 1048576;

    @AttributeDefinition(name = "Script folder", required = false,
            description = "Where each running script is written (one 0700 folder per task, deleted afterwards). "
                    + "Empty: ${karaf.data}/orrery/agent/scripts.")
    String scriptDir() default "";

    @AttributeDefinition(name = "Default interpreter",
            description = "Absolute path of the interpreter of a task that names none.")
    String defaultInterpreter() default "/bin/sh";

    @AttributeDefinition(name = "Shells",
            description = "Comma separated program names of shells: a script run by one of them is vetted by the "
                    + "high-risk command guard first (GUARD_REFUSED).")
    String shells() default "sh,bash,dash,ash,ksh,mksh,zsh,busybox";
}
