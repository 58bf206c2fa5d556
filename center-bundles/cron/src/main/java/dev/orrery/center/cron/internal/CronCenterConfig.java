package dev.orrery.center.cron.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.center.cron}: how the center keeps the agents' jobs in step. */
@ObjectClassDefinition(name = "Orrery center cron",
        description = "Stores cron jobs and syncs each online host's job set with what it should run.")
public @interface CronCenterConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.center.cron";

    @AttributeDefinition(name = "Reconcile interval (seconds)", min = "1", max = "3600",
            description = "How often the reported job sets of the online hosts are compared with the desired ones.")
    int reconcileSeconds() default 5;

    @AttributeDefinition(name = "Least time between syncs of one host (seconds)", min = "1", max = "86400",
            description = "A host whose set still differs is synced again at most this often (a job created or deleted "
                    + "syncs its hosts at once).")
    int minResyncSeconds() default 30;

    @AttributeDefinition(name = "Largest store script (bytes)", min = "1", max = "1048576",
            description = "Largest script a store job may carry: every host's sync carries all its jobs.")
    int maxStoreBytes() default 65536;
}
