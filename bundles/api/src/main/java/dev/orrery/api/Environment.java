package dev.orrery.api;

/** Names of the environment variables set for every process an agent starts. */
public final class Environment {
    /** The id of the task the process runs for. */
    public static final String TASK_ID = "ORRERY_TASK_ID";
    /** The id of the host, as the center knows it. */
    public static final String HOST_ID = "ORRERY_HOST_ID";

    private Environment() {
    }
}
