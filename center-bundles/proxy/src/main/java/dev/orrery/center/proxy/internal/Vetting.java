package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostStore.Resolution;
import dev.orrery.guard.CommandGuard;
import dev.orrery.guard.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every check a submission passes before anything is persisted, shared by a real submission
 * and a dry run: the fields, the submitter's task types, the targets (all known, at least one
 * host), and the submitter's host groups. Stateless.
 */
final class Vetting {
    /** The permission that lets a submitter confirm a high-risk command. */
    static final String CONFIRM_PERMISSION = "cmd:highrisk";
    /** The task parameter naming the guard rule the submitter confirmed. */
    static final String CONFIRMED_PARAM = "confirmedHighRisk";
    private static final int NAMED_AT_MOST = 20;

    /**
     * @param timeoutSeconds the effective per-host timeout
     * @param hostIds the resolved hosts
     * @param highRisk the guard rule a confirmed high-risk command matched, else {@code null}
     */
    record Vetted(int timeoutSeconds, List<String> hostIds, String highRisk) {
    }

    private Vetting() {
    }

    /**
     * @param s the submission
     * @param hosts the host store
     * @param guard the high-risk guard
     * @param settings limits
     * @return the timeout and the hosts
     * @throws OrreryException {@code INVALID_REQUEST}, {@code COMMAND_TOO_LARGE}, {@code CMD_HIGH_RISK},
     *     {@code NO_TARGET}, {@code UNKNOWN_TARGET}, {@code OUT_OF_SCOPE}
     */
    static Vetted vet(TaskSubmission s, HostStore hosts, CommandGuard guard, ProxySettings settings) {
        int timeout = Submissions.check(s, settings);
        Scope scope = s.scope();
        String highRisk = guarded(s, guard);
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
        return new Vetted(timeout, r.hostIds(), highRisk);
    }

    /**
     * @param s the submission
     * @param v its vetting
     * @return the task's parameters: the submitted ones, plus {@link #CONFIRMED_PARAM} naming the
     *     rule of a confirmed high-risk command, so the agent's own guard (which sees it inside the
     *     center's signature) lets exactly that rule pass
     */
    static Map<String, String> params(TaskSubmission s, Vetted v) {
        if (v.highRisk() == null) {
            return s.params();
        }
        Map<String, String> params = new HashMap<>(s.params());
        params.put(CONFIRMED_PARAM, v.highRisk());
        return params;
    }

    /**
     * The guard's word on the shell text of a submission (a command, a shell script, the cmd and
     * shell store steps of an action): blocked text passes only when the submitter confirmed it
     * and may confirm high-risk commands, and every blocked text matches the same rule (the agent
     * lets exactly one confirmed rule pass); that rule is then returned, for the task and the log.
     */
    private static String guarded(TaskSubmission s, CommandGuard guard) {
        String confirmed = null;
        for (ScriptGuard.Checked c : ScriptGuard.texts(s)) {
            Verdict v = guard.check(c.text());
            if (!v.blocked()) {
                continue;
            }
            String in = c.where().equals("command") ? "" : " in " + c.where();
            if (!s.confirmHighRisk() || !s.scope().mayConfirmHighRisk()) {
                String how = s.confirmHighRisk() ? "confirming it needs the permission " + CONFIRM_PERMISSION
                        : "an account with the permission " + CONFIRM_PERMISSION + " may confirm it with \"confirmHighRisk\": true";
                throw new OrreryException(ErrorCode.CMD_HIGH_RISK, "high-risk command" + in + " refused by rule " + v.rule() + ": "
                        + v.reason() + "; " + how, List.of(v.rule()));
            }
            if (confirmed != null && !confirmed.equals(v.rule())) {
                throw new OrreryException(ErrorCode.CMD_HIGH_RISK, "high-risk steps match different rules (" + confirmed + ", "
                        + v.rule() + in + "); one task may confirm one rule: submit them separately", List.of(confirmed, v.rule()));
            }
            confirmed = v.rule();
        }
        return confirmed;
    }

    private static String named(List<String> hostIds) {
        if (hostIds.size() <= NAMED_AT_MOST) {
            return String.join(", ", hostIds);
        }
        return String.join(", ", hostIds.subList(0, NAMED_AT_MOST)) + " and " + (hostIds.size() - NAMED_AT_MOST) + " more";
    }
}
