package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostTaskRecord;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SSH trust from one host to others for one user, in two tasks: {@code keygen} on the
 * {@code from} host (the user's ed25519 pair, made if absent; its public key comes back as the
 * task's stdout), then, once that result is in, {@code authorize} of that key on the {@code to}
 * targets. Both submissions are checked (targets, scope) before the first one runs. Waiting for the
 * key blocks the request for at most the given time; an offline host, a failed keygen or no answer
 * in time is a 409 {@code CONFLICT} naming the host and the code. Thread-safe.
 */
final class TrustSetup {
    private static final long FIRST_POLL_MILLIS = 50;
    private static final long MAX_POLL_MILLIS = 500;
    private final TaskService tasks;
    private final Duration wait;

    TrustSetup(TaskService tasks, Duration wait) {
        this.tasks = tasks;
        this.wait = wait;
    }

    /**
     * @param t the request
     * @param createdBy the caller's key id
     * @param scope the caller's scope
     * @param dryRun only check and answer both plans
     * @return the answer: {@code taskId} (the authorize task), {@code keyTaskId}, {@code hosts}, {@code publicKey};
     *     for a dry run {@code dryRun}, {@code from}, {@code hosts}
     * @throws OrreryException from the checks, or {@code CONFLICT} as described above
     */
    Map<String, Object> run(HostAccountRequests.Trust t, String createdBy, Scope scope, boolean dryRun) {
        Map<String, String> keygenParams = HostAccountRequests.params("keygen", t.user());
        TaskSubmission keygen = new TaskSubmission(HostAccountRequests.type(), new Targets(List.of(t.from()), List.of()), keygenParams,
                null, (int) Math.max(1, wait.toSeconds()), createdBy, scope, false);
        Plan keyPlan = tasks.plan(keygen);
        Plan toPlan = tasks.plan(authorize(t, "", createdBy, scope));
        if (keyPlan.hosts().size() != 1) {
            throw Fields.invalid("from must name exactly one host; '" + t.from() + "' names " + keyPlan.hosts().size(), List.of(t.from()));
        }
        Plan.Host from = keyPlan.hosts().get(0);
        if (from.status() != HostStatus.ONLINE) {
            throw conflict("host '" + from.hostId() + "' is offline (" + ErrorCode.HOST_OFFLINE + "): its key pair cannot be made now",
                    from.hostId(), ErrorCode.HOST_OFFLINE.name());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (dryRun) {
            m.put("dryRun", true);
            m.put("from", from.hostId());
            m.put("hosts", toPlan.hosts().stream().map(Plan.Host::hostId).toList());
            m.put("total", toPlan.hosts().size());
            return m;
        }
        TaskService.Accepted keyTask = tasks.submit(keygen);
        HostTaskRecord result = await(keyTask.taskId(), from.hostId());
        if (result.state() != HostTaskState.SUCCEEDED) {
            String code = result.error() == null ? result.state().name() : result.error().name();
            throw conflict("keygen for user '" + t.user() + "' on host '" + from.hostId() + "' failed with " + code
                    + (result.errorMessage() == null ? "" : ": " + result.errorMessage()) + " (task " + keyTask.taskId() + ")",
                    from.hostId(), code);
        }
        String key;
        try {
            key = HostAccountRequests.key(result.stdout() == null ? "" : result.stdout().strip().lines().findFirst().orElse(""));
        } catch (OrreryException e) {
            throw conflict("host '" + from.hostId() + "' answered no valid public key (task " + keyTask.taskId() + ")", from.hostId(),
                    ErrorCode.ACCOUNT_FAILED.name());
        }
        TaskService.Accepted accepted = tasks.submit(authorize(t, key, createdBy, scope));
        m.put("taskId", accepted.taskId());
        m.put("keyTaskId", keyTask.taskId());
        m.put("hosts", accepted.hosts());
        m.put("publicKey", key);
        return m;
    }

    private static TaskSubmission authorize(HostAccountRequests.Trust t, String key, String createdBy, Scope scope) {
        Map<String, String> params = HostAccountRequests.params("authorize", t.user());
        params.put("sshPublicKey", key);
        params.put("create", Boolean.toString(t.create()));
        return new TaskSubmission(HostAccountRequests.type(), t.to(), params, null, HostAccountRequests.TIMEOUT_SECONDS, createdBy, scope,
                false);
    }

    private HostTaskRecord await(String taskId, String hostId) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            List<HostTaskRecord> r = tasks.results(taskId, null, 0, 1);
            if (!r.isEmpty() && r.get(0).state().isFinal()) {
                return r.get(0);
            }
            if (System.nanoTime() - deadline >= 0) {
                try {
                    tasks.cancel(taskId);
                } catch (OrreryException e) {
                    // finished meanwhile, or gone: the answer below stands
                }
                throw conflict("no keygen result from host '" + hostId + "' within " + wait.toSeconds() + " s (" + ErrorCode.TIMED_OUT
                        + ", task " + taskId + " cancelled)", hostId, ErrorCode.TIMED_OUT.name());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrreryException(ErrorCode.INTERNAL, "interrupted while waiting for the key of host '" + hostId + "'");
            }
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }

    private static OrreryException conflict(String message, String hostId, String code) {
        return new OrreryException(ErrorCode.CONFLICT, message, List.of(hostId, code));
    }
}
