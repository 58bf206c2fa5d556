package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.store.ApiAccount;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.TaskRecord;
import java.util.Collections;

/**
 * What an account may see and reach: hosts in its groups (every host when it has none), the
 * tasks it created (every task for admins and accounts holding {@value ApiSecurity#ALL_TASKS}).
 * What lies outside answers 404, as if it did not exist.
 */
final class Scopes {
    private Scopes() {
    }

    /**
     * @param account the caller
     * @param authorizer permissions
     * @return the scope its submissions carry to the proxy
     */
    static Scope of(ApiAccount account, Authorizer authorizer) {
        return new Scope(account.groups(), account.taskTypes(), authorizer.permitted(account, Authorizer.CMD_HIGHRISK));
    }

    /**
     * @param account the caller
     * @param host a host
     * @return whether the account may see it
     */
    static boolean sees(ApiAccount account, HostRecord host) {
        return account.groups().isEmpty() || !Collections.disjoint(account.groups(), host.groups());
    }

    /**
     * @param account the caller
     * @param authorizer permissions
     * @param task a task
     * @return the task
     * @throws OrreryException {@code NOT_FOUND} when the account may not see it
     */
    static TaskRecord visible(ApiAccount account, Authorizer authorizer, TaskRecord task) {
        if (account.keyId().equals(task.createdBy()) || authorizer.permitted(account, ApiSecurity.ALL_TASKS)) {
            return task;
        }
        throw notFound(task.taskId());
    }

    static OrreryException notFound(String taskId) {
        return new OrreryException(ErrorCode.NOT_FOUND, "no task '" + taskId + "'");
    }
}
