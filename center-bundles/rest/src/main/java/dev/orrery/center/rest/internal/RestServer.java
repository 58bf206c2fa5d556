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
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API with its own CXF servlet ({@link ApiServlet}) registered with the HTTP
 * service at {@value #CONTEXT}: its own bus, destination registry and HTTP transport, so address
 * {@code /v1} answers at {@code http://host:8181/api/v1}, and the servlet vets what CXF's
 * transport would turn into a container error page. A configuration change republishes it.
 */
@Component(name = RestConfig.PID, configurationPid = RestConfig.PID, immediate = true)
@Designate(ocd = RestConfig.class)
public final class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String BUS_ID = "org.apache.cxf.bus.id";
    /** Where the API's servlet is registered: the endpoint's {@code address} is below it. */
    static final String CONTEXT = "/api";

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
    /** The HTTP service (Pax Web) the API's own CXF servlet is registered with, at {@value #CONTEXT}. */
    @Reference
    private HttpService http;

    private Bus bus;
    private Server server;

    @Activate
    private void activate(BundleContext context, RestConfig config) {
        ApiLimits limits = ApiLimits.of(config);
        String address = ApiEndpoint.validAddress(config.address());
        Bus created = new CXFBusFactory().createBus(Map.of(BundleContext.class, context), Map.of(BUS_ID, "orrery-rest"));
        DestinationRegistryImpl registry = new DestinationRegistryImpl();
        HTTPTransportFactory httpTransport = new HTTPTransportFactory(registry);
        try {
            ApiSecurity security = new ApiSecurity(accountService, authorizer, commandMapping,
                    new RateLimiter(config.rateLimitPerSecond(), config.rateBurst(), System::nanoTime));
            List<Object> extra = new ArrayList<>(cron == null ? List.of() : List.of(new CronResource(cron, hosts, limits.maxTargets(), security)));
            extra.addAll(scriptsAndData(config, limits, security));
            extra.addAll(MarketResources.of(market, tasks, limits.maxTargets(), security));
            server = ApiEndpoint.start(created, httpTransport, address, tasks, hosts, accounts, limits, Clock.systemUTC(), audit, security, extra,
                    MarketPaths.of(config));
            register(registry); // published first: the servlet never answers for an endpoint not there yet
        } catch (RuntimeException e) {
            if (server != null) {
                server.destroy();
                server = null;
            }
            unregister();
            created.shutdown(true);
            throw e;
        }
        bus = created;
        LOG.info("Orrery REST API published at {}{} (body limit {} bytes, skew {} s)", CONTEXT, address,
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

    private void register(DestinationRegistryImpl registry) {
        Hashtable<String, String> init = new Hashtable<>();
        // CXF then takes the base from here instead of parsing the request URL (which fails on characters such as '\\')
        init.put("base-address", CONTEXT);
        try {
            http.registerServlet(CONTEXT, new ApiServlet(registry), init, null);
        } catch (NamespaceException | javax.servlet.ServletException e) {
            throw new IllegalStateException("cannot register the API servlet at " + CONTEXT + ": " + e.getMessage(), e);
        }
    }

    private void unregister() {
        try {
            http.unregister(CONTEXT);
        } catch (IllegalArgumentException e) {
            LOG.debug("The API servlet was not registered: {}", e.getMessage());
        }
    }

    @Deactivate
    private void deactivate() {
        if (server != null) {
            server.destroy();
        }
        unregister();
        if (bus != null) {
            bus.shutdown(true);
        }
        LOG.info("Orrery REST API unpublished");
    }
}
