package dev.orrery.center.market.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.market.PluginInfo;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.market.internal.rollout.Attempts;
import dev.orrery.center.market.internal.rollout.Judge;
import dev.orrery.center.market.internal.rollout.Reconciler;
import dev.orrery.center.market.internal.rollout.Snapshot;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.MarketStore;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MarketService}: plugin versions and subscriptions in the {@link MarketStore}, rolled
 * out by a {@link Reconciler} pass every {@code reconcileSeconds} on its own thread (also right
 * after a subscription changes); the distribution's standard plugins are imported once on that
 * thread after the first start. Configured by PID {@code dev.orrery.center.market}.
 */
@Component(service = MarketService.class, configurationPid = MarketCenterConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = MarketCenterConfig.class)
public final class MarketServiceImpl implements MarketService {
    private static final Logger LOG = LoggerFactory.getLogger(MarketServiceImpl.class);

    private final MarketCenterConfig config;
    private final MarketStore market;
    private final HostStore hosts;
    private final Catalog catalog;
    private final Clock clock;
    private final Listing listing;
    private final Attempts attempts = new Attempts();
    private final Reconciler reconciler;
    private final Pacer pacer;

    /**
     * @param config the settings
     * @param market plugin versions and subscriptions
     * @param hosts group members, presence and the hosts' status sections
     * @param tasks the proxy: carries the install and uninstall tasks
     */
    @Activate
    public MarketServiceImpl(MarketCenterConfig config, @Reference(name = "market") MarketStore market,
            @Reference(name = "hosts") HostStore hosts, @Reference(name = "tasks") TaskService tasks) {
        this(config, market, hosts, tasks, new StaticCatalog(), Clock.systemUTC(), true);
    }

    MarketServiceImpl(MarketCenterConfig config, MarketStore market, HostStore hosts, TaskService tasks, Catalog catalog, Clock clock,
            boolean background) {
        Settings.validate(config);
        this.config = config;
        this.market = market;
        this.hosts = hosts;
        this.catalog = catalog;
        this.clock = clock;
        this.listing = new Listing(market, hosts);
        this.reconciler = new Reconciler(market, hosts, tasks, attempts, clock, config.installTimeoutSeconds(),
                config.minRetrySeconds() * 1000L);
        this.pacer = new Pacer(config.reconcileSeconds(), reconciler, this::importOnce, background);
    }

    @Deactivate
    void deactivate() {
        pacer.stop();
    }

    /** @return how many tasks a pass sent now, on the caller's thread (tests) */
    int reconcileNow() {
        return pacer.pass();
    }

    private void importOnce() {
        // the importer logs what it did and skips (logs) refused jars
        Settings.importDir(config).ifPresent(dir -> catalog.importAll(dir, Settings.importMarker(), jar -> upload(jar, IMPORTER)));
    }

    @Override
    public PluginRecord upload(byte[] jar, String uploadedBy) {
        if (jar == null || jar.length == 0) {
            throw new OrreryException(ErrorCode.PLUGIN_INVALID, "the body must be a plugin bundle jar");
        }
        PluginRecord p = catalog.inspect(jar, config.maxPluginBytes(), uploadedBy, clock.millis());
        try {
            if (market.plugin(p.name(), p.version()).isPresent()) {
                throw new IllegalStateException("exists");
            }
            market.add(p, jar);
        } catch (IllegalStateException e) {
            throw new OrreryException(ErrorCode.CONFLICT, "plugin " + p.name() + " " + p.version() + " is uploaded already");
        }
        LOG.info("Marketplace: {} {} ({}, {} bytes, sha256 {}) uploaded by {}", p.name(), p.version(), p.kind(), p.size(), p.sha256(),
                uploadedBy);
        return p;
    }

    @Override
    public List<PluginInfo> plugins() {
        return listing.plugins(null);
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        return name == null ? Optional.empty() : listing.plugins(name).stream().findFirst();
    }

    @Override
    public Optional<PluginRecord> version(String name, String version) {
        return listing.version(name, version);
    }

    @Override
    public Optional<byte[]> jar(String name, String version) {
        return version(name, version).flatMap(p -> market.jar(p.name(), p.version()));
    }

    @Override
    public void delete(String name, String version, String by) {
        PluginRecord p = reconciler.between(() -> {
            PluginRecord found = version == null ? null : version(name, version).orElse(null);
            if (found == null) {
                throw new OrreryException(ErrorCode.NOT_FOUND, "plugin " + name + (version == null ? " (no version given)" : " " + version)
                        + " is not uploaded");
            }
            List<String> groups = listing.groups(found);
            if (!groups.isEmpty()) {
                throw new OrreryException(ErrorCode.CONFLICT, "plugin " + found.name() + " " + found.version() + " is subscribed by group(s) "
                        + String.join(", ", groups) + ": unsubscribe them first", groups);
            }
            if (!market.remove(found.name(), found.version())) {
                throw new OrreryException(ErrorCode.NOT_FOUND, "plugin " + name + " " + version + " is not uploaded");
            }
            return found;
        });
        LOG.info("Marketplace: {} {} deleted by {}", p.name(), p.version(), by);
    }

    @Override
    public String repositoryXml(String baseUri) {
        return catalog.xml(market.plugins(), baseUri);
    }

    @Override
    public SubscriptionStatus subscribe(SubscriptionRequest request) {
        // checked and stored between two passes, and not while a version is being deleted
        SubscriptionRecord s = reconciler.between(() -> {
            SubscriptionRecord r = Settings.subscription(request, config, this::version, clock.millis());
            attempts.resubscribed(r.group(), r.plugin(), r.version(), hosts.resolve(List.of(), List.of(r.group())).hostIds());
            market.subscribe(r);
            return r;
        });
        LOG.info("Marketplace: group {} subscribed to {} {} by {} (batch {}, failures tolerated {})", s.group(), s.plugin(), s.version(),
                s.updatedBy(), s.batchSize(), s.maxFailures());
        pacer.wake();
        return subscriptions(s.group()).stream().filter(x -> x.subscription().plugin().equals(s.plugin())).findFirst()
                .orElse(new SubscriptionStatus(s, List.of()));
    }

    @Override
    public boolean unsubscribe(String group, String plugin, String by) {
        if (group == null || plugin == null) {
            return false;
        }
        List<String> members = hosts.resolve(List.of(), List.of(group)).hostIds();
        boolean existed = reconciler.between(() -> {
            attempts.unsubscribed(group, plugin, members);
            return market.unsubscribe(group, plugin);
        });
        if (!existed) {
            return false;
        }
        reconciler.changed();
        LOG.info("Marketplace: group {} unsubscribed from {} by {}", group, plugin, by);
        pacer.wake();
        return true;
    }

    @Override
    public List<SubscriptionStatus> subscriptions(String group) {
        Snapshot snap = Snapshot.take(market, hosts);
        return snap.subscriptions().stream().filter(s -> group == null || group.equals(s.group()))
                .map(s -> new SubscriptionStatus(s, Judge.view(s, snap, attempts))).toList();
    }
}
