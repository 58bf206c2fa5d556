package dev.orrery.center.market.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/** Checks of the configuration and of subscription requests; where the import happens. */
final class Settings {
    static final int MAX_BATCH = 10_000;
    static final int MAX_FAILURES = 100_000;
    private static final int MAX_GROUP = 255;

    private Settings() {
    }

    /** @throws IllegalArgumentException naming the setting that is out of range */
    static void validate(MarketCenterConfig c) {
        check(c.maxPluginBytes() >= 1 && c.maxPluginBytes() <= 256L * 1024 * 1024, "maxPluginBytes must be 1-268435456");
        check(c.batchSize() >= 1 && c.batchSize() <= MAX_BATCH, "batchSize must be 1-" + MAX_BATCH);
        check(c.maxFailures() >= 0 && c.maxFailures() <= MAX_FAILURES, "maxFailures must be 0-" + MAX_FAILURES);
        check(c.reconcileSeconds() >= 1 && c.reconcileSeconds() <= 3600, "reconcileSeconds must be 1-3600");
        check(c.installTimeoutSeconds() >= 1 && c.installTimeoutSeconds() <= 86400, "installTimeoutSeconds must be 1-86400");
        check(c.minRetrySeconds() >= 1 && c.minRetrySeconds() <= 86400, "minRetrySeconds must be 1-86400");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(MarketCenterConfig.PID + ": " + message);
        }
    }

    /** @return the import folder with {@code ${karaf.home}} and {@code ${karaf.data}} expanded; empty when not set */
    static Optional<Path> importDir(MarketCenterConfig c) {
        String dir = c.importDir() == null ? "" : c.importDir().strip();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        dir = dir.replace("${karaf.home}", System.getProperty("karaf.home", ".")).replace("${karaf.data}", karafData());
        return Optional.of(Path.of(dir));
    }

    /** @return {@code ${karaf.data}/orrery/market-imported} */
    static Path importMarker() {
        return Path.of(karafData(), "orrery", "market-imported");
    }

    private static String karafData() {
        return System.getProperty("karaf.data", "data");
    }

    /**
     * @param r what to subscribe
     * @param c the defaults
     * @param versions (name, version or {@code null} for the newest) → the uploaded version
     * @param now epoch ms
     * @return the subscription to store, state {@code ROLLING}
     * @throws OrreryException {@code INVALID_REQUEST} (group, plugin, batch size, failure threshold),
     *     {@code NOT_FOUND} (plugin or version not uploaded)
     */
    static SubscriptionRecord subscription(SubscriptionRequest r, MarketCenterConfig c,
            BiFunction<String, String, Optional<PluginRecord>> versions, long now) {
        if (r == null) {
            throw invalid("a subscription needs group and plugin");
        }
        String group = r.group() == null ? "" : r.group();
        if (group.isBlank() || group.length() > MAX_GROUP
                || group.chars().anyMatch(ch -> Character.isISOControl(ch) || Character.isWhitespace(ch) || ch == ',')) {
            throw invalid("group must be a name of 1-" + MAX_GROUP + " characters without spaces or commas");
        }
        if (r.plugin() == null || r.plugin().isBlank()) {
            throw invalid("plugin is required");
        }
        int batch = r.batchSize() == null ? c.batchSize() : r.batchSize();
        if (batch < 1 || batch > MAX_BATCH) {
            throw invalid("batchSize must be 1-" + MAX_BATCH);
        }
        int failures = r.maxFailures() == null ? c.maxFailures() : r.maxFailures();
        if (failures < 0 || failures > MAX_FAILURES) {
            throw invalid("maxFailures must be 0-" + MAX_FAILURES);
        }
        String version = r.version() == null || r.version().isBlank() ? null : r.version().strip();
        PluginRecord p = versions.apply(r.plugin(), version).orElseThrow(() -> new OrreryException(ErrorCode.NOT_FOUND,
                "plugin " + r.plugin() + (version == null ? "" : " " + version) + " is not uploaded"));
        return new SubscriptionRecord(group, p.name(), p.version(), batch, failures, "ROLLING", null, r.by(), now);
    }

    private static OrreryException invalid(String message) {
        return new OrreryException(ErrorCode.INVALID_REQUEST, message);
    }
}
