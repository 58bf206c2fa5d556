package dev.orrery.center.rest.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the public contract, built as ordered maps. */
final class Views {
    private Views() {
    }

    static Map<String, Object> host(HostRecord h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostId", h.hostId());
        m.put("hostname", h.hostname());
        m.put("ip", h.primaryIp());
        m.put("ips", h.ips());
        m.put("sn", h.sn());
        m.put("idc", h.idc());
        m.put("channel", h.channel());
        m.put("status", h.status() == null ? null : h.status().name());
        m.put("groups", h.groups());
        m.put("labels", h.labels());
        m.put("lastSeen", h.lastSeen());
        return m;
    }

    static Map<String, Object> task(TaskRecord t, Map<HostTaskState, Integer> counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", t.taskId());
        m.put("type", t.type());
        m.put("state", t.state() == null ? null : t.state().name());
        m.put("createdBy", t.createdBy());
        m.put("createdAt", t.createdAt());
        m.put("timeoutSeconds", t.timeoutSeconds());
        m.put("counts", counts(counts));
        return m;
    }

    /**
     * @param counts count per state
     * @return {@code total} then one camel-case key per state, zeros included
     */
    static Map<String, Integer> counts(Map<HostTaskState, Integer> counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int total = 0;
        for (HostTaskState s : HostTaskState.values()) {
            total += counts.getOrDefault(s, 0);
        }
        m.put("total", total);
        for (HostTaskState s : HostTaskState.values()) {
            m.put(camel(s), counts.getOrDefault(s, 0));
        }
        return m;
    }

    static Map<String, Object> result(HostTaskRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostId", r.hostId());
        m.put("state", r.state() == null ? null : r.state().name());
        m.put("exitCode", r.exitCode());
        m.put("stdout", r.stdout() == null ? "" : r.stdout());
        m.put("stderr", r.stderr() == null ? "" : r.stderr());
        m.put("truncated", r.truncated());
        if (r.error() == null) {
            m.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", r.error().name());
            error.put("layer", r.error().layer().wireName());
            error.put("message", r.errorMessage());
            m.put("error", error);
        }
        m.put("updatedAt", r.updatedAt());
        m.put("timestamps", timestamps(r.timestamps()));
        return m;
    }

    /** @return {@code created, dispatched, received, started, finished}: epoch ms, {@code null} when not reached */
    static Map<String, Object> timestamps(HostTaskRecord.Timestamps t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", t.created());
        m.put("dispatched", t.dispatched());
        m.put("received", t.received());
        m.put("started", t.started());
        m.put("finished", t.finished());
        return m;
    }

    /**
     * @param s a state
     * @return its name in lower camel case, e.g. {@code timedOut}
     */
    static String camel(HostTaskState s) {
        String[] words = s.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }
}
