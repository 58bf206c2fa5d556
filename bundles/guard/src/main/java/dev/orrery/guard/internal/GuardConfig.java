package dev.orrery.guard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the high-risk command guard, PID {@code dev.orrery.guard}. */
@ObjectClassDefinition(name = "Orrery high-risk command guard",
        description = "Refuses commands that destroy system folders, format disks, power off, fork-bomb...")
public @interface GuardConfig {
    /** The configuration PID. */
    String PID = "dev.orrery.guard";

    /** @return whether the guard checks at all */
    @AttributeDefinition(description = "Check commands at all (false: every command is allowed)")
    boolean enabled() default true;

    /** @return built-in or extra rule ids switched off */
    @AttributeDefinition(description = "Rule ids to switch off (see dev.orrery.guard.cfg for the list)")
    String[] disabledRules() default {};

    /** @return extra absolute folders treated as system folders */
    @AttributeDefinition(description = "Extra absolute folders to treat as system folders, e.g. /data")
    String[] systemPaths() default {};

    /** @return extra rules as id=regex */
    @AttributeDefinition(description = "Extra rules, each id=regex, matched (find) against every normalized simple "
            + "command line; the id must be unique and not a built-in id")
    String[] extraRules() default {};
}
