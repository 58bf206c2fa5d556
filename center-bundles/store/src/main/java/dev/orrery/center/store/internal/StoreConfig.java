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
            description = "How many database connections are kept open (1-64) for REST reads, dispatch and presence;"
                    + " two more are kept for the group-commit writers.")
    int poolSize() default 8;

    /** @return Derby's page cache, in pages (derby.storage.pageCacheSize), at least 40 */
    @AttributeDefinition(name = "Page cache (pages)", min = "40",
            description = "Derby's page cache in pages (4 KiB, 32 KiB for tables with LOBs); Derby's own default is 1000.")
    int pageCacheSize() default 4000;

    /** @return Derby's transaction log buffer, in bytes (derby.storage.logBufferSize), 8 KiB to 128 MiB */
    @AttributeDefinition(name = "Log buffer (bytes)", min = "8192", max = "134217728",
            description = "Derby's log buffer in bytes; a commit larger than it is written in several synchronous writes. Derby's default is 32768.")
    int logBufferSize() default 1048576;

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

    /** @return data channel records older than this many hours are deleted */
    @AttributeDefinition(name = "Data retention (hours)", min = "1",
            description = "Data channel records (GET /data/{topic}) stored longer ago than this are deleted.")
    int dataRetentionHours() default 168;

    /** @return minutes between two pruning runs */
    @AttributeDefinition(name = "Prune interval (minutes)", min = "1", description = "Minutes between two pruning runs.")
    int pruneIntervalMinutes() default 10;

    /** @return the center master key file; empty means {@code ${karaf.data}/orrery/master.key} */
    @AttributeDefinition(name = "Master key file", required = false,
            description = "File of the center master key (32 bytes, mode 0600, created at first start) that seals API secrets"
                    + " and private keys and authenticates the audit chain. Empty: ${karaf.data}/orrery/master.key.")
    String masterKeyFile() default "";
}
