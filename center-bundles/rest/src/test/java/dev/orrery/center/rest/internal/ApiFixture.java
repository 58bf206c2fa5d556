package dev.orrery.center.rest.internal;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostRecord;
import java.util.List;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The API served as in Karaf (CXF servlet at {@code /api}, endpoint {@code /v1}) by a Jetty 9.4
 * configured like the distributions' {@code etc/jetty.xml} (16 KiB request headers, no server
 * version) and a CXF servlet configured like {@code etc/org.apache.cxf.osgi.cfg}, on a random local port, with fake stores and a fake proxy.
 */
final class ApiFixture implements AutoCloseable {
    /** The request header limit the distributions set. */
    static final int HEADER_LIMIT = 16384;

    final MutableClock clock = new MutableClock(System.currentTimeMillis());
    final FakeAccountStore accounts;
    final FakeHostStore hosts = new FakeHostStore();
    final FakeTaskService tasks = new FakeTaskService(hosts);
    final FakeDataStore data = new FakeDataStore();
    final FakeCronService cron = new FakeCronService();
    final FakeMarketService market = new FakeMarketService();
    /** The largest script POST /store and POST /action take here. */
    static final int MAX_SCRIPT_BYTES = 64 * 1024;
    private final Bus bus;
    private final Server jetty;
    private final org.apache.cxf.endpoint.Server endpoint;
    final int port;

    ApiFixture(FakeAccountStore accounts, ApiLimits limits) throws Exception {
        this.accounts = accounts;
        bus = new CXFBusFactory().createBus();
        DestinationRegistry registry = new DestinationRegistryImpl();
        CXFNonSpringServlet servlet = new ApiServlet(registry);
        jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(HEADER_LIMIT);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/api");
        ServletHolder holder = new ServletHolder(servlet);
        // as org.apache.cxf.servlet.base-address in etc/org.apache.cxf.osgi.cfg: CXF then takes the base
        // from configuration instead of parsing the request URL (which fails on characters such as '\\')
        holder.setInitParameter("base-address", "/api");
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        jetty.start();
        ApiSecurity security = TestSecurity.of(accounts);
        cron.hosts = hosts;
        // every resource RestServer serves, the optional ones included
        List<Object> extra = new java.util.ArrayList<>(List.of(new StoreResource(tasks, limits.maxTargets(), MAX_SCRIPT_BYTES, security),
                new ActionResource(tasks, limits.maxTargets(), MAX_SCRIPT_BYTES, security), new DataResource(data, hosts),
                new CronResource(cron, hosts, limits.maxTargets(), security)));
        extra.addAll(MarketResources.of(market, tasks, limits.maxTargets(), security));
        endpoint = ApiEndpoint.start(bus, new HTTPTransportFactory(registry), "/v1", tasks, hosts, accounts, limits, clock,
                AuditFilter.DISCARD, security, extra, MarketPaths.DEFAULTS);
        port = connector.getLocalPort();
        hosts.register(new HostRecord("h-1", "web-1", List.of("10.0.0.1"), "SN1", "idc1", "ch-1", HostStatus.ONLINE,
                List.of("demo"), Map.of("rack", "r1"), 5));
        hosts.register(new HostRecord("h-2", "db-1", List.of(), "SN2", "idc1", null, HostStatus.OFFLINE, List.of(), Map.of(), 6));
    }

    @Override
    public void close() throws Exception {
        endpoint.destroy();
        jetty.stop();
        bus.shutdown(true);
    }
}
