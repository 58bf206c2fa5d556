package dev.orrery.center.proxy;

import dev.orrery.api.HostStatus;
import java.util.List;
import java.util.Map;

/**
 * What a submission would do, answered to a dry run: every check passed (targets, scope, guard)
 * and nothing was persisted or dispatched.
 *
 * @param type task type
 * @param params the parameters as they would be sent (for {@code cmd}: the command after alias expansion)
 * @param hosts every host it would run on, ordered by host id
 * @param highRisk the guard rule the command matched, confirmed by the submitter; {@code null} when none matched
 */
public record Plan(String type, Map<String, String> params, List<Host> hosts, String highRisk) {
    public Plan {
        params = Map.copyOf(params);
        hosts = List.copyOf(hosts);
    }

    /**
     * @param hostId host id
     * @param hostname host name
     * @param status whether it is connected now (an offline host gets the task when it connects)
     */
    public record Host(String hostId, String hostname, HostStatus status) {
    }
}
