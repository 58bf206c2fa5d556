package dev.orrery.api;

/**
 * Names of the task types. An agent capability registers a handler under one of these names;
 * the center dispatches by it.
 */
public final class TaskTypes {
    /** Run a shell command: {@code /bin/sh -c}. */
    public static final String CMD = "cmd";
    /** Report the host's identity and inventory. */
    public static final String HOSTINFO = "hostinfo";
    /** Run a script carried in the task. */
    public static final String STORE = "store";
    /** Transfer files. */
    public static final String FILE = "file";
    /** Manage scheduled jobs on the agent. */
    public static final String CRON = "cron";
    /** Manage host accounts. */
    public static final String ACCOUNTS = "accounts";
    /** Data channel (terminal, streams). */
    public static final String DATA = "data";
    /** Evaluate an and/or/not tree of steps (cmd, store, plugin, file) on each host. */
    public static final String ACTION = "action";
    /** Install and run marketplace plugins. */
    public static final String PLUGIN = "plugin";

    private TaskTypes() {
    }
}
