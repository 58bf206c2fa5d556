package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostStore.Resolution;
import java.util.List;

/**
 * Every check a submission passes before anything is persisted, shared by a real submission
 * and a dry run: the fields, the submitter's task types, the targets (all known, at least one
 * host), and the submitter's host groups. Stateless.
 */
final class Vetting {
    private static final int NAMED_AT_MOST = 20;

    /**
     * @param timeoutSeconds the effective per-host timeout
     * @param hostIds the resolved hosts
     */
    record Vetted(int timeoutSeconds, List<String> hostIds) {
    }

    private Vetting() {
    }

    /**
     * @param s the submission
     * @param hosts the host store
     * @param settings limits
     * @return the timeout and the hosts
     * @throws OrreryException {@code INVALID_REQUEST}, {@code COMMAND_TOO_LARGE}, {@code NO_TARGET},
     *     {@code UNKNOWN_TARGET}, {@code OUT_OF_SCOPE}
     */
    static Vetted vet(TaskSubmission s, HostStore hosts, ProxySettings settings) {
        int timeout = Submissions.check(s, settings);
        Scope scope = s.scope();
        if (!scope.taskTypes().isEmpty() && !scope.taskTypes().contains(s.type())) {
            throw new OrreryException(ErrorCode.OUT_OF_SCOPE, "task type '" + s.type() + "' is outside this account's task types "
                    + scope.taskTypes(), List.of(s.type()));
        }
        Resolution r = hosts.resolve(s.targets().hosts(), s.targets().groups());
        if (!r.unknown().isEmpty()) {
            throw new OrreryException(ErrorCode.UNKNOWN_TARGET, "unknown targets: " + String.join(", ", r.unknown()), r.unknown());
        }
        if (r.hostIds().isEmpty()) {
            throw new OrreryException(ErrorCode.NO_TARGET, "the targets name no host");
        }
        if (!scope.groups().isEmpty()) {
            List<String> outside = hosts.outsideGroups(r.hostIds(), scope.groups());
            if (!outside.isEmpty()) {
                throw new OrreryException(ErrorCode.OUT_OF_SCOPE, outside.size() + " host(s) lie outside this account's groups "
                        + scope.groups() + ": " + named(outside) + "; nothing was dispatched", outside);
            }
        }
        return new Vetted(timeout, r.hostIds());
    }

    private static String named(List<String> hostIds) {
        if (hostIds.size() <= NAMED_AT_MOST) {
            return String.join(", ", hostIds);
        }
        return String.join(", ", hostIds.subList(0, NAMED_AT_MOST)) + " and " + (hostIds.size() - NAMED_AT_MOST) + " more";
    }
}
