package dev.orrery.center.shell.internal;

import dev.orrery.center.pki.Revocations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:agent-revoke}: revokes a host's certificate (docs/tls.md). */
@Service
@Command(scope = "orrery", name = "agent-revoke", description = "Revokes a host: its registrations are refused, every channel"
        + " closes its session and refuses it, and it cannot enroll again until orrery:agent-unrevoke.")
public final class AgentRevokeCommand implements Action {

    @Argument(index = 0, name = "hostId", description = "The host to revoke", required = true)
    @Completion(HostCompleter.class)
    String hostId;

    @Reference
    Revocations revocations;

    @Override
    public Object execute() {
        System.out.println(revocations.revoke(hostId) ? "Revoked " + hostId + "; channels are told to drop it."
                : hostId + " was already revoked.");
        return null;
    }
}
