package dev.orrery.center.shell.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.market.PluginInfo;
import dev.orrery.center.market.PluginVersion;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A marketplace with plugin disk-usage 2.0.0 (3 hosts) and 1.0.0, and a paused subscription of group web; records the calls. */
final class FakeMarket implements MarketService {
    static final PluginRecord V1 = record("1.0.0");
    static final PluginRecord V2 = record("2.0.0");
    static final SubscriptionStatus WEB = new SubscriptionStatus(new SubscriptionRecord("web", "disk-usage", "2.0.0", 20, 0, "PAUSED",
            "h-2 failed: PLUGIN_FAILED", "shell:karaf", 1000L), List.of(
            new SubscriptionStatus.HostPlugin("h-1", true, "2.0.0", "2.0.0", "INSTALLED", null),
            new SubscriptionStatus.HostPlugin("h-2", true, "2.0.0", "1.0.0", "FAILED", "PLUGIN_FAILED: disk-usage 2.0.0 failed to start"),
            new SubscriptionStatus.HostPlugin("h-3", false, "2.0.0", null, "PAUSED", null)));
    final List<String> calls = new ArrayList<>();
    byte[] uploaded;

    private static PluginRecord record(String version) {
        return new PluginRecord("disk-usage", version, "script", "Disk usage report", "du.sh", "orrery.plugin.disk-usage", Map.of(), 1234,
                "ab".repeat(32), MarketService.IMPORTER, 1000L);
    }

    @Override
    public PluginRecord upload(byte[] jar, String uploadedBy) {
        calls.add("upload " + uploadedBy);
        if (jar.length == 0) {
            throw new OrreryException(ErrorCode.PLUGIN_INVALID, "not a jar");
        }
        uploaded = jar;
        return V2;
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.of(plugin("disk-usage").orElseThrow());
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        return "disk-usage".equals(name) ? Optional.of(new PluginInfo(name, "script", "Disk usage report", "2.0.0",
                List.of(new PluginVersion(V2, 3, List.of("web")), new PluginVersion(V1, 1, List.of())))) : Optional.empty();
    }

    @Override
    public Optional<PluginRecord> version(String name, String version) {
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> jar(String name, String version) {
        return Optional.empty();
    }

    @Override
    public void delete(String name, String version, String by) {
        calls.add("delete " + name + " " + version + " " + by);
        if ("2.0.0".equals(version)) {
            throw new OrreryException(ErrorCode.CONFLICT, "groups subscribe to disk-usage 2.0.0: web", List.of("web"));
        }
    }

    @Override
    public String repositoryXml(String baseUri) {
        return "<repository/>";
    }

    @Override
    public SubscriptionStatus subscribe(SubscriptionRequest request) {
        calls.add("subscribe " + request);
        if (!"disk-usage".equals(request.plugin())) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no plugin '" + request.plugin() + "'");
        }
        return WEB;
    }

    @Override
    public boolean unsubscribe(String group, String plugin, String by) {
        calls.add("unsubscribe " + group + " " + plugin + " " + by);
        return "web".equals(group);
    }

    @Override
    public List<SubscriptionStatus> subscriptions(String group) {
        calls.add("subscriptions " + group);
        return group == null || "web".equals(group) ? List.of(WEB) : List.of();
    }
}
