package dev.orrery.agent.hostinfo.internal;

import dev.orrery.agent.api.HostIdentity;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.TaskTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Task type {@code hostinfo}: answers with the host report as JSON on stdout, every figure as
 * measured now ({@link HostReport#fullJson()}: the status section's fields plus
 * {@code uptimeSeconds} and {@code load}, free space and available memory not rounded).
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.HOSTINFO)
public final class HostInfoHandler implements TaskHandler {
    private final HostIdentity identity;
    private final Inventory inventory;

    /** @param identity this host */
    @Activate
    public HostInfoHandler(@Reference(name = "identity") HostIdentity identity) {
        this(identity, Inventory.system());
    }

    /** @param identity this host @param inventory the sources */
    HostInfoHandler(HostIdentity identity, Inventory inventory) {
        this.identity = identity;
        this.inventory = inventory;
    }

    /**
     * Read-only and cheap: after an agent restart the facts are simply gathered again, which reports
     * a real outcome instead of the default {@code INTERRUPTED}.
     */
    @Override
    public TaskOutcome resume(TaskRequest request, TaskContext context) {
        return execute(request, context);
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        return TaskOutcome.succeeded(HostReport.probe(identity, inventory).fullJson());
    }
}
