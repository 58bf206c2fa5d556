package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.market.PluginInfo;
import dev.orrery.center.market.PluginVersion;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A marketplace in memory. A "jar" here is the text {@code NAME VERSION KIND} (anything else is
 * {@code PLUGIN_INVALID}); it holds {@code disk-usage} 1.0.0 and 2.0.0 (script) from the start.
 * Each subscription lists host h-1 installed and h-2 failed.
 */
final class FakeMarketService implements MarketService {
    int maxPluginBytes = 250_000;
    final Map<String, PluginRecord> records = new ConcurrentHashMap<>();
    final Map<String, byte[]> jars = new ConcurrentHashMap<>();
    final Map<String, SubscriptionRecord> subscriptions = new ConcurrentHashMap<>();
    final List<SubscriptionRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> deletedBy = new CopyOnWriteArrayList<>();
    volatile String lastBase;

    FakeMarketService() {
        upload("disk-usage 1.0.0 script".getBytes(StandardCharsets.UTF_8), MarketService.IMPORTER);
        upload("disk-usage 2.0.0 script".getBytes(StandardCharsets.UTF_8), MarketService.IMPORTER);
    }

    @Override
    public PluginRecord upload(byte[] jar, String uploadedBy) {
        if (jar.length > maxPluginBytes) {
            throw new OrreryException(ErrorCode.CONTENT_TOO_LARGE, "the plugin is larger than " + maxPluginBytes + " bytes");
        }
        String[] parts = new String(jar, StandardCharsets.UTF_8).split(" ");
        if (parts.length != 3 || !PluginRequestParser.NAME.matcher(parts[0]).matches() || !parts[1].matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new OrreryException(ErrorCode.PLUGIN_INVALID, "not a plugin bundle: no manifest");
        }
        String key = parts[0] + "@" + parts[1];
        PluginRecord r = new PluginRecord(parts[0], parts[1], parts[2], "about " + parts[0], "run.sh", "plugin." + parts[0], Map.of(),
                jar.length, StoreRequestParser.sha256(jar), uploadedBy, 1000L);
        if (records.putIfAbsent(key, r) != null) {
            throw new OrreryException(ErrorCode.CONFLICT, parts[0] + " " + parts[1] + " is already in the marketplace");
        }
        jars.put(key, jar.clone());
        return r;
    }

    @Override
    public List<PluginInfo> plugins() {
        return records.values().stream().map(PluginRecord::name).distinct().sorted().map(n -> plugin(n).orElseThrow()).toList();
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        List<PluginRecord> versions = records.values().stream().filter(r -> r.name().equals(name))
                .sorted(Comparator.comparing(PluginRecord::version).reversed()).toList();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        List<PluginVersion> out = new ArrayList<>();
        for (PluginRecord r : versions) {
            List<String> groups = subscriptions.values().stream().filter(s -> s.plugin().equals(name) && s.version().equals(r.version()))
                    .map(SubscriptionRecord::group).sorted().toList();
            out.add(new PluginVersion(r, groups.isEmpty() ? 0 : 1, groups));
        }
        PluginRecord top = versions.get(0);
        return Optional.of(new PluginInfo(name, top.kind(), top.description(), top.version(), out));
    }

    @Override
    public Optional<PluginRecord> version(String name, String version) {
        return version == null ? plugin(name).map(p -> p.versions().get(0).record()) : Optional.ofNullable(records.get(name + "@" + version));
    }

    @Override
    public Optional<byte[]> jar(String name, String version) {
        return Optional.ofNullable(jars.get(name + "@" + version));
    }

    @Override
    public void delete(String name, String version, String by) {
        if (!records.containsKey(name + "@" + version)) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no " + name + " " + version);
        }
        List<String> groups = subscriptions.values().stream().filter(s -> s.plugin().equals(name) && s.version().equals(version))
                .map(SubscriptionRecord::group).toList();
        if (!groups.isEmpty()) {
            throw new OrreryException(ErrorCode.CONFLICT, "groups subscribe to it: " + String.join(", ", groups), groups);
        }
        records.remove(name + "@" + version);
        jars.remove(name + "@" + version);
        deletedBy.add(by);
    }

    @Override
    public String repositoryXml(String baseUri) {
        lastBase = baseUri;
        return "<repository xmlns=\"http://www.osgi.org/xmlns/repository/v1.0.0\" name=\"orrery\"/>";
    }

    @Override
    public SubscriptionStatus subscribe(SubscriptionRequest request) {
        requests.add(request);
        PluginRecord r = version(request.plugin(), request.version())
                .orElseThrow(() -> new OrreryException(ErrorCode.NOT_FOUND, "no plugin " + request.plugin()));
        SubscriptionRecord s = new SubscriptionRecord(request.group(), request.plugin(), r.version(),
                request.batchSize() == null ? 20 : request.batchSize(), request.maxFailures() == null ? 0 : request.maxFailures(),
                "ROLLING", null, request.by(), 2000L);
        subscriptions.put(request.group() + "/" + request.plugin(), s);
        return status(s);
    }

    @Override
    public boolean unsubscribe(String group, String plugin, String by) {
        return subscriptions.remove(group + "/" + plugin) != null;
    }

    @Override
    public List<SubscriptionStatus> subscriptions(String group) {
        return subscriptions.values().stream().filter(s -> group == null || s.group().equals(group))
                .sorted(Comparator.comparing(SubscriptionRecord::group)).map(FakeMarketService::status).toList();
    }

    private static SubscriptionStatus status(SubscriptionRecord s) {
        return new SubscriptionStatus(s, List.of(new SubscriptionStatus.HostPlugin("h-1", true, s.version(), s.version(), "INSTALLED", null),
                new SubscriptionStatus.HostPlugin("h-2", false, s.version(), null, "FAILED", "PLUGIN_FAILED: x failed to start")));
    }
}
