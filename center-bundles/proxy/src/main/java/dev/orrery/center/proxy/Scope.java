package dev.orrery.center.proxy;

import java.util.List;

/**
 * What a submitter may reach, enforced by the proxy on the resolved hosts before anything is
 * persisted: a host outside {@code groups} or a type outside {@code taskTypes} refuses the whole
 * task with {@code OUT_OF_SCOPE} naming them.
 *
 * @param groups host groups the submitter may target; empty means every host
 * @param taskTypes task types the submitter may start; empty means every type
 * @param mayConfirmHighRisk whether the submitter may pass {@code confirmHighRisk} (permission {@code cmd:highrisk})
 */
public record Scope(List<String> groups, List<String> taskTypes, boolean mayConfirmHighRisk) {
    /** Everything, high-risk confirmation included: the center's own operators in the Karaf shell. */
    public static final Scope ALL = new Scope(List.of(), List.of(), true);

    public Scope {
        groups = groups == null ? List.of() : List.copyOf(groups);
        taskTypes = taskTypes == null ? List.of() : List.copyOf(taskTypes);
    }
}
