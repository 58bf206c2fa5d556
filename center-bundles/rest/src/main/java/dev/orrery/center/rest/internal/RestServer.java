package dev.orrery.center.rest.internal;

import dev.orrery.center.cron.CronService;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.security.AccountService;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.security.CommandMapping;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.DataStore;
import dev.orrery.center.store.HostStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API on CXF's OSGi HTTP transport. The {@code cxf-rt-transports-http}
 * bundle registers an {@link HTTPTransportFactory} service and one CXF servlet sharing its
 * destination registry with the HTTP service at {@code org.apache.cxf.servlet.context} (PID
 * {@code org.apache.cxf.osgi}). This component waits for that service, creates its own CXF bus
 * and creates the JAX-RS endpoint with that transport, so address {@code /v1} under context
 * {@code /api} answers at {@code http://host:8181/api/v1}. A configuration change republishes it.
 */
@Component(name = RestConfig.PID, configurationPid = RestConfig.PID, immediate = true)
@Designate(ocd = RestConfig.class)
public final class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String BUS_ID = "org.apache.cxf.bus.id";

    @Reference
    private TaskService tasks;
    @Reference
    private HostStore hosts;
    @Reference
    private AccountStore accounts;
    /** The data channel's records ({@code GET /data/{topic}}). */
    @Reference
    private DataStore data;
    /** Every API call but GET /health is recorded here before it is answered. */
    @Reference
    private AuditLog audit;
    @Reference
    private AccountService accountService;
    @Reference
    private Authorizer authorizer;
    @Reference
    private CommandMapping commandMapping;
    /** Cron jobs ({@code /cron}): optional; served only while the service is there (it appearing republishes the API). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private CronService cron;
    /** The marketplace ({@code /market/*}, {@code POST /plugin}): optional like cron; it appearing or leaving republishes the API. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private MarketService market;
    /** CXF's servlet-backed HTTP transport, registered by the cxf-rt-transports-http bundle. */
    @Reference
    private HTTPTransportFactory httpTransport;

    private Bus bus;
    private Server server;

    @Activate
    private void activate(BundleContext context, RestConfig config) {
        ApiLimits limits = ApiLimits.of(config);
        String address = ApiEndpoint.validAddress(config.address());
        Bus created = new CXFBusFactory().createBus(Map.of(BundleContext.class, context), Map.of(BUS_ID, "orrery-rest"));
        try {
            ApiSecurity security = new ApiSecurity(accountService, authorizer, commandMapping,
                    new RateLimiter(config.rateLimitPerSecond(), config.rateBurst(), System::nanoTime));
            List<Object> extra = new ArrayList<>(cron == null ? List.of() : List.of(new CronResource(cron, hosts, limits.maxTargets(), security)));
            extra.addAll(scriptsAndData(config, limits, security));
            extra.addAll(MarketResources.of(market, tasks, limits.maxTargets(), security));
            server = ApiEndpoint.start(created, httpTransport, address, tasks, hosts, accounts, limits, Clock.systemUTC(), audit, security, extra,
                    MarketPaths.of(config));
        } catch (RuntimeException e) {
            created.shutdown(true);
            throw e;
        }
        bus = created;
        LOG.info("Orrery REST API published at {} below the CXF servlet context (body limit {} bytes, skew {} s)", address,
                limits.maxBodyBytes(), limits.maxSkewSeconds());
    }

    /** The resources of POST /store, POST /action and GET /data/{topic}. */
    private List<Object> scriptsAndData(RestConfig config, ApiLimits limits, ApiSecurity security) {
        if (config.maxScriptBytes() < 1) {
            throw new IllegalArgumentException(RestConfig.PID + ": maxScriptBytes must be positive, got " + config.maxScriptBytes());
        }
        return List.of(new StoreResource(tasks, limits.maxTargets(), config.maxScriptBytes(), security),
                new ActionResource(tasks, limits.maxTargets(), config.maxScriptBytes(), security), new DataResource(data, hosts));
    }

    @Deactivate
    private void deactivate() {
        if (server != null) {
            server.destroy();
        }
        if (bus != null) {
            bus.shutdown(true);
        }
        LOG.info("Orrery REST API unpublished");
    }
}
