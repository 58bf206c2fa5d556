package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.store.ApiAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * The common end of the task-submitting resources ({@code /cmd}, {@code /store}, {@code /action}): the caller's
 * scope and high-risk confirmation are put on the parsed submission, then it is planned (dry run,
 * 200) or submitted (202 with {@code taskId}, {@code hosts} and the task's Location).
 */
final class TaskSubmits {
    private TaskSubmits() {
    }

    /**
     * @param parsed the submission as parsed from the body
     * @param account the caller
     * @param security permissions
     * @param confirm whether the caller confirms a high-risk command
     * @return the submission with the caller's key id, scope and confirmation
     * @throws OrreryException {@code FORBIDDEN} when the caller confirms without the permission
     */
    static TaskSubmission scoped(TaskSubmission parsed, ApiAccount account, ApiSecurity security, boolean confirm) {
        if (confirm && !security.authorizer().permitted(account, Authorizer.CMD_HIGHRISK)) {
            throw new OrreryException(ErrorCode.FORBIDDEN, "confirmHighRisk needs the permission " + Authorizer.CMD_HIGHRISK,
                    List.of(Authorizer.CMD_HIGHRISK));
        }
        return new TaskSubmission(parsed.type(), parsed.targets(), parsed.params(), parsed.body(), parsed.timeoutSeconds(),
                account.keyId(), Scopes.of(account, security.authorizer()), confirm);
    }

    /**
     * @param tasks the proxy
     * @param submission a scoped submission
     * @param dryRun plan only
     * @param uri the request URI, for the Location of a new task
     * @return 200 {@code {"dryRun":true,"type","command"?,"highRisk"?,"hosts":[...],"total"}} or 202 {@code {"taskId","hosts"}}
     */
    static Response run(TaskService tasks, TaskSubmission submission, boolean dryRun, UriInfo uri) {
        if (dryRun) {
            return Response.ok(plan(tasks.plan(submission)), MediaType.APPLICATION_JSON_TYPE).build();
        }
        TaskService.Accepted accepted = tasks.submit(submission);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", accepted.taskId());
        m.put("hosts", accepted.hosts());
        return Response.accepted(m).type(MediaType.APPLICATION_JSON_TYPE)
                .location(uri.getBaseUriBuilder().path("tasks").path(accepted.taskId()).build()).build();
    }

    private static Map<String, Object> plan(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", true);
        m.put("type", plan.type());
        if (plan.params().containsKey("command")) {
            m.put("command", plan.params().get("command"));
        }
        if (plan.highRisk() != null) {
            m.put("highRisk", plan.highRisk());
        }
        m.put("hosts", plan.hosts().stream().map(h -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("hostId", h.hostId());
            v.put("hostname", h.hostname());
            v.put("status", h.status() == null ? null : h.status().name());
            return v;
        }).toList());
        m.put("total", plan.hosts().size());
        return m;
    }
}
