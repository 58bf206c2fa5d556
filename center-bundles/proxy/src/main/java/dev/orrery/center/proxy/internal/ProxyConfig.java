package dev.orrery.center.proxy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the proxy, PID {@code dev.orrery.center.proxy}. */
@ObjectClassDefinition(name = "Orrery proxy", description = "Task submission, dispatch, timeouts and cancellation.")
public @interface ProxyConfig {
    /** The configuration PID. */
    String PID = "dev.orrery.center.proxy";

    /** @return the per-host timeout of a task that names none, in seconds */
    @AttributeDefinition(name = "Default timeout (s)", min = "1", description = "Per-host timeout of a task that names none.")
    int defaultTimeoutSeconds() default 60;

    /** @return the longest per-host timeout accepted, in seconds */
    @AttributeDefinition(name = "Maximum timeout (s)", min = "1", description = "Longest per-host timeout a task may ask for.")
    int maxTimeoutSeconds() default 86400;

    /** @return how often expired tasks are looked for, in milliseconds */
    @AttributeDefinition(name = "Sweep interval (ms)", min = "50", description = "How often tasks past their timeout are ended.")
    long sweepIntervalMillis() default 1000;

    /** @return threads that dispatch tasks (acks and results are recorded by one thread of their own) */
    @AttributeDefinition(name = "Worker threads", min = "1", max = "64",
            description = "Threads that dispatch tasks; acks and results have a recorder thread of their own.")
    int workerThreads() default 4;

    /** @return first wait for an Ack RECEIVED before a dispatched host task is sent again, in milliseconds */
    @AttributeDefinition(name = "Resend after (ms)", min = "100",
            description = "How long a dispatched host task waits for the agent's Ack RECEIVED before it is sent again.")
    long resendInitialMillis() default 5000;

    /** @return the longest wait between two sends of one host task, in milliseconds */
    @AttributeDefinition(name = "Longest resend wait (ms)", min = "100",
            description = "The wait doubles (with jitter) after each send of a host task, up to this.")
    long resendMaxMillis() default 60000;

    /** @return the most acks and results written in one transaction */
    @AttributeDefinition(name = "Record batch size", min = "1", max = "10000",
            description = "Acks and results that arrived while the previous batch was being written are written together,"
                    + " in one transaction with one commit, up to this many; results are acknowledged after the commit."
                    + " New tasks are created in batches of up to this many too.")
    int recordBatchSize() default 1000;

    /** @return the most submissions waiting for their transaction before new ones are refused */
    @AttributeDefinition(name = "Submission queue limit", min = "1",
            description = "New tasks are created in batches, one transaction each (group commit); when this many wait for"
                    + " theirs, a new submission is refused at once with 503 OVERLOADED (nothing is created).")
    int submitQueueLimit() default 10000;

    /** @return seconds added to a task's creation time and timeout to make its signed expiry */
    @AttributeDefinition(name = "Signed task expiry grace (s)", min = "0", max = "604800",
            description = "Every task is signed with an expiry: its creation time + its timeout + this grace (for clock"
                    + " skew between center and agents, and transit). An agent refuses to start a task past its expiry"
                    + " (TASK_EXPIRED).")
    int taskExpiryGraceSeconds() default 300;

    /** @return most hosts whose signed Merkle trees are kept in memory, over all tasks */
    @AttributeDefinition(name = "Signed task cache (hosts)", min = "1000",
            description = "Each task is signed once for all its hosts; the Merkle trees of recent tasks are kept in memory"
                    + " (about 64 bytes per host) so each host's proof is at hand. A task that fell out is signed again"
                    + " from the store when it is sent again (same signature).")
    int signedTaskCacheHosts() default 1000000;
}
