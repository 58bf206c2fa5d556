package dev.orrery.center.cron;

import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.Targets;
import java.util.Objects;

/**
 * A job to create.
 *
 * @param targets the hosts (resolved once, at creation) and groups it runs on
 * @param schedule six-field cron schedule with seconds: {@code sec min hour day-of-month month day-of-week}
 * @param timezone zone id of the schedule, {@code null} or blank for UTC
 * @param spread whether each host runs at its own stable offset within the period
 * @param kind {@code cmd}, {@code store} or {@code plugin}
 * @param spec JSON text of what each run does: {@code cmd} {@code {"command"}}; {@code store}
 *     {@code {"content","interpreter"?,"args"?}}; {@code plugin} the plugin object
 * @param runAs the account runs use, {@code null} for the agent's
 * @param timeoutSeconds per-run timeout in seconds, 0 for the handler's default
 * @param createdBy who asks (API key id or shell user)
 * @param scope what the creator may reach (checked as for a task of the run's kind)
 */
public record CronRequest(Targets targets, String schedule, String timezone, boolean spread, String kind, String spec, String runAs,
        int timeoutSeconds, String createdBy, Scope scope) {
    public CronRequest {
        Objects.requireNonNull(targets, "targets");
        scope = scope == null ? Scope.ALL : scope;
    }
}
