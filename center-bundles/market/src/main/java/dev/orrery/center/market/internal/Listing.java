package dev.orrery.center.market.internal;

import dev.orrery.center.market.PluginInfo;
import dev.orrery.center.market.PluginVersion;
import dev.orrery.center.market.internal.rollout.PluginsSection;
import dev.orrery.center.market.internal.rollout.Versions;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.MarketStore;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue as the API shows it: plugins by name, versions newest first (OSGi order), with
 * how many hosts report each version installed (over every host's status section
 * {@code plugins}) and the groups subscribed to it.
 */
final class Listing {
    private static final int PAGE = 1000;

    private final MarketStore market;
    private final HostStore hosts;

    Listing(MarketStore market, HostStore hosts) {
        this.market = market;
        this.hosts = hosts;
    }

    /** @param only a plugin name, {@code null} for all */
    List<PluginInfo> plugins(String only) {
        Map<String, List<PluginRecord>> byName = new LinkedHashMap<>();
        market.plugins().stream().filter(p -> only == null || only.equals(p.name()))
                .sorted(Comparator.comparing(PluginRecord::name))
                .forEach(p -> byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p));
        if (byName.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> installed = installed();
        Map<String, List<String>> groups = new HashMap<>();
        for (SubscriptionRecord s : market.subscriptions()) {
            groups.computeIfAbsent(key(s.plugin(), s.version()), k -> new ArrayList<>()).add(s.group());
        }
        List<PluginInfo> out = new ArrayList<>();
        byName.forEach((name, records) -> {
            List<PluginRecord> newest = records.stream().sorted(Comparator.comparing(PluginRecord::version, Versions.ORDER).reversed()).toList();
            List<PluginVersion> versions = newest.stream().map(r -> new PluginVersion(r, installed.getOrDefault(key(name, r.version()), 0),
                    groups.getOrDefault(key(name, r.version()), List.of()).stream().sorted().toList())).toList();
            PluginRecord top = newest.get(0);
            out.add(new PluginInfo(name, top.kind(), top.description(), top.version(), versions));
        });
        return out;
    }

    /**
     * @param name a plugin
     * @param version a version ({@code 1.0} finds {@code 1.0.0}), {@code null} for the newest
     * @return that version, if uploaded
     */
    Optional<PluginRecord> version(String name, String version) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<PluginRecord> exact = version == null ? Optional.empty() : market.plugin(name, version);
        return exact.isPresent() ? exact : market.plugins().stream()
                .filter(p -> p.name().equals(name) && (version == null || Versions.same(p.version(), version)))
                .max(Comparator.comparing(PluginRecord::version, Versions.ORDER));
    }

    /** @return the groups subscribed to this version, by name */
    List<String> groups(PluginRecord p) {
        return market.subscriptions().stream().filter(s -> s.plugin().equals(p.name()) && Versions.same(s.version(), p.version()))
                .map(SubscriptionRecord::group).sorted().toList();
    }

    /** @return (plugin, version normalised as uploaded) → hosts reporting it installed */
    private Map<String, Integer> installed() {
        List<String> all = new ArrayList<>();
        for (int offset = 0;; offset += PAGE) {
            List<HostRecord> page = hosts.find(new HostQuery(null, null, null, offset, PAGE));
            page.forEach(h -> all.add(h.hostId()));
            if (page.size() < PAGE) {
                break;
            }
        }
        Map<String, Integer> out = new HashMap<>();
        if (all.isEmpty()) {
            return out;
        }
        for (String json : hosts.statusSection("plugins", all).values()) {
            for (PluginsSection.Reported r : PluginsSection.parse(json).values()) {
                if (r.version() != null) {
                    out.merge(key(r.name(), normal(r.version())), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static String key(String name, String version) {
        return name + '\u0000' + normal(version);
    }

    /** {@code 1.0} and {@code 1.0.0} are one version: counted under {@code major.minor.micro[.qualifier]}. */
    private static String normal(String v) {
        String[] p = v.strip().split("\\.", 4);
        if (p.length >= 3) {
            return v.strip();
        }
        return p.length == 1 ? p[0] + ".0.0" : p[0] + "." + p[1] + ".0";
    }
}
