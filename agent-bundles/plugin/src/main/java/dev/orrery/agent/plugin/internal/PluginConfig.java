package dev.orrery.agent.plugin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent.plugin}: how the agent installs and runs marketplace plugins. */
@ObjectClassDefinition(name = "Orrery agent plugins",
        description = "Installs marketplace plugin bundles hot (digest checked, rolled back when they fail to resolve, "
                + "start or verify) and runs them: java plugins through their Plugin service, script plugins through the "
                + "cmd capability's process runner.")
public @interface PluginConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.plugin";

    @AttributeDefinition(name = "Start timeout (seconds)", min = "1", max = "600",
            description = "How long one framework step of an install (install, update, refresh, start, uninstall) and the "
                    + "wait for a java plugin's Plugin service may take; past it the install fails and is rolled back.")
    int startTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Run timeout (seconds)", min = "1",
            description = "Deadline of a plugin run whose task names no timeout. A java plugin past it is interrupted and "
                    + "left behind (TIMED_OUT); a script's process tree is killed.")
    int runTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Output cap (bytes)", min = "1",
            description = "Largest standard output reported for a java plugin run (the rest is dropped and the result "
                    + "flagged truncated); the same default as the cmd capability's maxOutputBytes, which caps script runs.")
    int maxOutputBytes() default 1048576;

    @AttributeDefinition(name = "Folder", required = false,
            description = "Where plugin jars (current and previous version, for rollback), extracted scripts, the plugins' "
                    + "working folders and registry.json are kept. Empty: ${karaf.data}/orrery/plugins.")
    String folder() default "";
}
