package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.HostStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http.HTTPTransportFactory;

/**
 * Assembles the API: the resources, the signature filter, the JSON writer and the exception
 * mappers, and publishes them as one JAX-RS endpoint. The endpoint is created on the given
 * servlet-backed HTTP transport: its destination, at the relative address, lands in that
 * transport's destination registry, which a {@code CXFNonSpringServlet} serves below its own
 * path (in Karaf: the CXF OSGi servlet at {@code org.apache.cxf.servlet.context}).
 */
final class ApiEndpoint {
    private ApiEndpoint() {
    }

    /**
     * @param bus the CXF bus to publish on
     * @param transport the HTTP transport whose servlet serves the endpoint
     * @param address relative address, e.g. {@code /v1}
     * @param tasks the proxy
     * @param hosts the host store
     * @param accounts the account store
     * @param limits the limits
     * @param clock the clock for signatures and health
     * @param security accounts, permissions, command mapping and the rate limit
     * @return the started server; {@link Server#destroy()} unpublishes it
     */
    static Server start(Bus bus, HTTPTransportFactory transport, String address, TaskService tasks, HostStore hosts, AccountStore accounts, ApiLimits limits,
            Clock clock, ApiSecurity security) {
        return start(bus, transport, address, tasks, hosts, accounts, limits, clock, AuditFilter.DISCARD, security);
    }

    /**
     * As above, recording every call but {@code GET /health} in the audit log.
     *
     * @param audit the audit log; {@link AuditFilter#DISCARD} only in tests that do not look at it
     * @param security accounts, permissions, command mapping and the rate limit
     * @return the started server
     */
    static Server start(Bus bus, HTTPTransportFactory transport, String address, TaskService tasks, HostStore hosts, AccountStore accounts, ApiLimits limits,
            Clock clock, AuditLog audit, ApiSecurity security) {
        return start(bus, transport, address, tasks, hosts, accounts, limits, clock, audit, security, List.of());
    }

    /**
     * As above, with more resources from optional services (such as {@link CronResource} when the
     * cron service is there).
     *
     * @param extra resource objects served besides the fixed ones
     * @return the started server
     */
    static Server start(Bus bus, HTTPTransportFactory transport, String address, TaskService tasks, HostStore hosts, AccountStore accounts, ApiLimits limits,
            Clock clock, AuditLog audit, ApiSecurity security, List<Object> extra) {
        return start(bus, transport, address, tasks, hosts, accounts, limits, clock, audit, security, extra, MarketPaths.DEFAULTS);
    }

    /**
     * As above, with the marketplace's upload limit and public repository setting.
     *
     * @param market the body limit of plugin uploads and whether the repository reads are unsigned
     * @return the started server
     */
    static Server start(Bus bus, HTTPTransportFactory transport, String address, TaskService tasks, HostStore hosts, AccountStore accounts, ApiLimits limits,
            Clock clock, AuditLog audit, ApiSecurity security, List<Object> extra, MarketPaths market) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        // Explicit, rather than looked up through the bus's extensions: in OSGi those appear only
        // once cxf-core has scanned the transport bundle, which can be after the transport's service.
        factory.setDestinationFactory(transport);
        factory.setAddress(address);
        List<Object> beans = new ArrayList<>(List.of(new HealthResource(clock), new HostsResource(hosts), new CmdResource(tasks, limits.maxTargets(), security),
                new TasksResource(tasks, security.authorizer()), new StatsResource(tasks, clock), new AuditResource(audit),
                new AccountsResource(security.accounts(), security.rateLimiter()),
                new HostAccountsResource(tasks, limits.maxTargets(), security)));
        beans.addAll(extra);
        factory.setServiceBeans(beans);
        factory.setProviders(List.of(new JacksonJsonProvider(Json.MAPPER),
                new AuditFilter(audit, clock),
                new SignatureFilter(new RequestAuthenticator(accounts, limits, clock), limits.maxBodyBytes(), market),
                new AuthorizationFilter(security),
                new OrreryExceptionMapper(), new WebApplicationExceptionMapper(), new JsonExceptionMapper(),
                new FallbackExceptionMapper()));
        // CXF looks some extensions up through the context class loader; in OSGi the one of the
        // CXF JAX-RS bundle sees them all.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
        try {
            return factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * @param address a configured address
     * @return it, if it is a relative path such as {@code /v1}
     * @throws IllegalArgumentException otherwise
     */
    static String validAddress(String address) {
        if (address == null || !address.matches("/[A-Za-z0-9._~\\-/]*") || address.contains("//")
                || (address.length() > 1 && address.endsWith("/"))) {
            throw new IllegalArgumentException(RestConfig.PID + ": address must be a path below the CXF servlet context "
                    + "such as /v1, got '" + address + "'");
        }
        return address;
    }
}
