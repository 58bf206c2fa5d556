package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.CancellableContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link dev.orrery.agent.api.TaskContext} of one host task: its failing cancel actions are logged. */
final class Execution {
    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private Execution() {
    }

    /**
     * @param name the task, for the log
     * @return a new context, not cancelled
     */
    static CancellableContext of(String name) {
        return new CancellableContext(e -> LOG.warn("A cancel action of task {} failed", name, e));
    }
}
