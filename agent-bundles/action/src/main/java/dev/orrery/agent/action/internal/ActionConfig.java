package dev.orrery.agent.action.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent.action}: limits of and/or/not action trees. */
@ObjectClassDefinition(name = "Orrery agent actions",
        description = "Runs 'action' tasks: an and/or/not tree of steps, each run through the task handler of its type.")
public @interface ActionConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.action";

    @AttributeDefinition(name = "Default timeout (seconds)", min = "1",
            description = "Timeout of a whole action that names none; each step gets what is left of it.")
    int defaultTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Most steps", min = "1", description = "An action with more steps fails with BAD_TASK.")
    int maxSteps() default 64;

    @AttributeDefinition(name = "Deepest nesting", min = "1", description = "An action nested deeper fails with BAD_TASK.")
    int maxDepth() default 16;

    @AttributeDefinition(name = "Output per step (bytes)", min = "0",
            description = "Largest stdout and stderr reported per step in the action's result (each); the result is "
                    + "flagged truncated when cut.")
    int maxStepOutputBytes() default 65536;

    @AttributeDefinition(name = "Output per action (bytes)", min = "0",
            description = "Largest total of step output in one action's result; later steps' output is cut.")
    int maxOutputBytes() default 1048576;
}
