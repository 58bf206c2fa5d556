package dev.orrery.center.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the embedded store, PID {@code dev.orrery.center.store}. */
@ObjectClassDefinition(name = "Orrery center store", description = "Embedded Derby database holding hosts, tasks and API accounts.")
public @interface StoreConfig {

    /** The configuration PID. */
    String PID = "dev.orrery.center.store";

    /**
     * @return folder of the Derby database; empty means {@code ${karaf.data}/orrery/db}
     *     ({@code ./data/orrery/db} outside Karaf)
     */
    @AttributeDefinition(name = "Data folder", required = false,
            description = "Folder of the Derby database. Empty: ${karaf.data}/orrery/db.")
    String dataDir() default "";

    /** @return how many JDBC connections are kept open, 1 to 64 */
    @AttributeDefinition(name = "Pool size", min = "1", max = "64",
            description = "How many database connections are kept open (1-64).")
    int poolSize() default 4;

    /** @return how long a caller waits for a free connection before the store reports itself unavailable */
    @AttributeDefinition(name = "Connection wait (seconds)", min = "1",
            description = "How long a caller waits for a free connection before failing with STORE_UNAVAILABLE.")
    int connectionWaitSeconds() default 30;

    /** @return finished tasks older than this many days are deleted with their results */
    @AttributeDefinition(name = "Retention (days)", min = "1",
            description = "Finished tasks (and their per-host results) older than this are deleted.")
    int retentionDays() default 30;

    /** @return the most finished tasks kept; the oldest beyond it are deleted */
    @AttributeDefinition(name = "Most finished tasks", min = "1",
            description = "The most finished tasks kept; the oldest beyond this count are deleted.")
    int maxFinishedTasks() default 100000;

    /** @return minutes between two pruning runs */
    @AttributeDefinition(name = "Prune interval (minutes)", min = "1", description = "Minutes between two pruning runs.")
    int pruneIntervalMinutes() default 10;
}
