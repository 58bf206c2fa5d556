package dev.orrery.center.market.internal.rollout;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.HostTaskRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The install tasks this center sent, per host, plugin and version, with their outcome as last
 * read from the proxy; and which subscriptions were (re)subscribed since their hosts' last
 * failures. In memory only: after a restart an install may be sent again, which the agent treats
 * as a no-op when the version is already installed. Written by the reconcile thread, read by
 * any; thread-safe.
 */
public final class Attempts {

    /**
     * One install task.
     *
     * @param taskId the task
     * @param sentAt epoch ms
     * @param outcome its host task's final state, {@code null} while it runs
     * @param error {@code CODE: message} when it ended otherwise than SUCCEEDED
     * @param endedAt epoch ms when the outcome was first seen, 0 while it runs
     */
    public record Attempt(String taskId, long sentAt, HostTaskState outcome, String error, long endedAt) {
        boolean running() {
            return outcome == null;
        }
    }

    private final Map<String, Attempt> installs = new ConcurrentHashMap<>();
    private final Map<String, Long> sends = new ConcurrentHashMap<>();
    private final Set<String> forgiven = ConcurrentHashMap.newKeySet();

    static String key(String a, String b, String c) {
        return a + '\u0000' + b + '\u0000' + c;
    }

    /** @return the last install of this version on this host, if any */
    public Attempt get(String hostId, String plugin, String version) {
        return installs.get(key(hostId, plugin, version));
    }

    void sent(String hostId, String plugin, String version, String taskId, long now) {
        installs.put(key(hostId, plugin, version), new Attempt(taskId, now, null, null, 0));
        forgiven.remove(key(hostId, plugin, version)); // what the host reports after this install is news
    }

    /**
     * @param what {@code uninstall}, or {@code install VERSION}
     * @return whether this may be sent to the host now (not tried in the last {@code minRetryMillis}); records the try if so
     */
    boolean maySend(String hostId, String plugin, String what, long now, long minRetryMillis) {
        String k = key(hostId, plugin, what);
        Long last = sends.get(k);
        if (last != null && now - last < minRetryMillis) {
            return false;
        }
        sends.put(k, now);
        if (sends.size() > 100_000) {
            sends.values().removeIf(t -> now - t >= minRetryMillis);
        }
        return true;
    }

    /**
     * Reads the outcome of every running install from the proxy. An install the proxy no longer
     * knows is forgotten; a successful one is forgotten {@code keepMillis} after it ended (by then
     * the host's status shows it).
     */
    void refresh(TaskService tasks, long now, long keepMillis) {
        for (Map.Entry<String, Attempt> e : installs.entrySet()) {
            Attempt a = e.getValue();
            if (!a.running()) {
                if (a.outcome() == HostTaskState.SUCCEEDED && now - a.endedAt() >= keepMillis) {
                    installs.remove(e.getKey(), a);
                }
                continue;
            }
            List<HostTaskRecord> rows = tasks.results(a.taskId(), null, 0, 1);
            if (rows.isEmpty()) {
                installs.remove(e.getKey(), a);
            } else if (rows.get(0).state().isFinal()) {
                HostTaskRecord r = rows.get(0);
                String code = r.error() == null ? r.state().name() : r.error().name();
                String error = r.state() == HostTaskState.SUCCEEDED ? null
                        : r.errorMessage() == null || r.errorMessage().isBlank() ? code : code + ": " + r.errorMessage();
                installs.replace(e.getKey(), a, new Attempt(a.taskId(), a.sentAt(), r.state(), error, now));
            }
        }
    }

    /** Forgets the installs of plugins no longer wanted on their host in that version. */
    void retain(Map<String, Map<String, String>> desired) {
        installs.keySet().removeIf(k -> {
            String[] p = k.split("\u0000", 3);
            return !p[2].equals(desired.getOrDefault(p[0], Map.of()).get(p[1]));
        });
    }

    /**
     * A group (re)subscribed to this version: the failures of it its hosts reported so far are
     * forgiven (until the next install is sent to the host), so that the next passes install it
     * again (this is how a paused rollout resumes).
     */
    public void resubscribed(String group, String plugin, String version, Collection<String> hostIds) {
        for (String h : hostIds) {
            forgiven.add(key(h, plugin, version));
            Attempt a = installs.get(key(h, plugin, version));
            if (a != null && !a.running() && a.outcome() != HostTaskState.SUCCEEDED) {
                installs.remove(key(h, plugin, version), a);
            }
            sends.remove(key(h, plugin, "install " + version));
        }
    }

    /** The group no longer subscribes to the plugin: its hosts may get an uninstall at once. */
    public void unsubscribed(String group, String plugin, Collection<String> hostIds) {
        for (String h : hostIds) {
            sends.remove(key(h, plugin, "uninstall"));
            forgiven.removeIf(k -> k.startsWith(key(h, plugin, "")));
        }
    }

    /** @return whether the host's reported failure of this version predates a subscription to it and no install was sent since */
    boolean forgiven(String hostId, String plugin, String version) {
        return forgiven.contains(key(hostId, plugin, version));
    }
}
