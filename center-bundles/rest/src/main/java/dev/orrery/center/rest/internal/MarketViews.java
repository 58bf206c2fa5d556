package dev.orrery.center.rest.internal;

import dev.orrery.center.market.PluginInfo;
import dev.orrery.center.market.PluginVersion;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON of the marketplace's answers: plugin versions, plugins, subscriptions. */
final class MarketViews {
    /** The host states a subscription counts, as JSON field names. */
    private static final List<String> STATES = List.of("installed", "pending", "installing", "failed", "paused");

    private MarketViews() {
    }

    /** @return {@code {"name","version","kind","description","entry","symbolicName","size","sha256","uploadedBy","uploadedAt"}} */
    static Map<String, Object> version(PluginRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("version", r.version());
        m.put("kind", r.kind());
        m.put("description", r.description());
        m.put("entry", r.entry());
        m.put("symbolicName", r.symbolicName());
        m.put("size", r.size());
        m.put("sha256", r.sha256());
        m.put("uploadedBy", r.uploadedBy());
        m.put("uploadedAt", r.uploadedAt());
        return m;
    }

    /** @return {@code {"name","kind","description","latest","versions":["2.0.0",…],"installed":N}} */
    static Map<String, Object> summary(PluginInfo p) {
        Map<String, Object> m = head(p);
        m.put("versions", p.versions().stream().map(v -> v.record().version()).toList());
        m.put("installed", p.versions().stream().mapToInt(PluginVersion::installed).sum());
        return m;
    }

    /** @return {@code {"name","kind","description","latest","versions":[{…version, "installed","groups"}]}} */
    static Map<String, Object> detail(PluginInfo p) {
        Map<String, Object> m = head(p);
        m.put("versions", p.versions().stream().map(v -> {
            Map<String, Object> one = version(v.record());
            one.put("installed", v.installed());
            one.put("groups", v.groups());
            return one;
        }).toList());
        return m;
    }

    private static Map<String, Object> head(PluginInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("kind", p.kind());
        m.put("description", p.description());
        m.put("latest", p.latest());
        return m;
    }

    /**
     * @param s a subscription with its hosts
     * @return {@code {"group","plugin","version","batchSize","maxFailures","state","reason","updatedBy","updatedAt",
     *     "counts":{"hosts","installed","pending","installing","failed","paused"},"hosts":[{"hostId","online","desired","actual","state","error"}]}}
     */
    static Map<String, Object> subscription(SubscriptionStatus s) {
        SubscriptionRecord r = s.subscription();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", r.group());
        m.put("plugin", r.plugin());
        m.put("version", r.version());
        m.put("batchSize", r.batchSize());
        m.put("maxFailures", r.maxFailures());
        m.put("state", r.state());
        m.put("reason", r.reason());
        m.put("updatedBy", r.updatedBy());
        m.put("updatedAt", r.updatedAt());
        m.put("counts", counts(s.hosts()));
        m.put("hosts", s.hosts().stream().map(MarketViews::host).toList());
        return m;
    }

    /** @return how many hosts in all, and in each state */
    static Map<String, Integer> counts(List<SubscriptionStatus.HostPlugin> hosts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("hosts", hosts.size());
        for (String state : STATES) {
            counts.put(state, (int) hosts.stream().filter(h -> h.state() != null && state.equals(h.state().toLowerCase(Locale.ROOT))).count());
        }
        return counts;
    }

    private static Map<String, Object> host(SubscriptionStatus.HostPlugin h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostId", h.hostId());
        m.put("online", h.online());
        m.put("desired", h.desired());
        m.put("actual", h.actual());
        m.put("state", h.state());
        m.put("error", h.error());
        return m;
    }
}
