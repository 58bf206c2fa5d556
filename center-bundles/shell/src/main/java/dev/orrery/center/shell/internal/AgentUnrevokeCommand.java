package dev.orrery.center.shell.internal;

import dev.orrery.center.pki.Revocations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:agent-unrevoke}: lifts a revocation (docs/tls.md). */
@Service
@Command(scope = "orrery", name = "agent-unrevoke", description = "Lifts the revocation of a host: it may register, connect"
        + " and enroll again.")
public final class AgentUnrevokeCommand implements Action {

    @Argument(index = 0, name = "hostId", description = "The revoked host", required = true)
    String hostId;

    @Reference
    Revocations revocations;

    @Override
    public Object execute() {
        System.out.println(revocations.restore(hostId) ? "Restored " + hostId + "." : hostId + " was not revoked.");
        return null;
    }
}
