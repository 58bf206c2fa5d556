package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.Plugin;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * The {@link Plugin} services of plugin bundles: only a service with {@value Plugin#NAME} equal to
 * the plugin's name, registered by that plugin's own bundle and of the {@code Plugin} class this
 * bundle sees, counts (another bundle cannot stand in for a plugin).
 */
final class PluginServices {
    private final BundleContext context;

    /** @param context this bundle's context */
    PluginServices(BundleContext context) {
        this.context = context;
    }

    /**
     * @param b the plugin's bundle
     * @param name the plugin
     * @param wait how long to wait
     * @return whether its service is (or became, within the wait) registered
     * @throws InterruptedException if interrupted
     */
    boolean await(Bundle b, String name, Duration wait) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        ServiceListener listener = e -> {
            if (e.getType() == ServiceEvent.REGISTERED && e.getServiceReference().getBundle() != null
                    && e.getServiceReference().getBundle().getBundleId() == b.getBundleId()) {
                seen.countDown();
            }
        };
        try {
            context.addServiceListener(listener, "(&(objectClass=" + Plugin.class.getName() + ")(" + Plugin.NAME + "=" + name + "))");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            return false; // names are checked against PluginJar.NAMES: cannot happen
        }
        try {
            return reference(b, name) != null || (seen.await(wait.toMillis(), TimeUnit.MILLISECONDS) && reference(b, name) != null);
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /**
     * @param b the plugin's bundle
     * @param name the plugin
     * @return its service, borrowed until the lease is closed, if registered now
     */
    Optional<Bundles.Lease> lease(Bundle b, String name) {
        ServiceReference<?> ref = reference(b, name);
        Object service = ref == null ? null : context.getService(ref);
        if (!(service instanceof Plugin p)) {
            if (service != null) {
                context.ungetService(ref);
            }
            return Optional.empty();
        }
        return Optional.of(new Bundles.Lease() {
            @Override
            public Plugin plugin() {
                return p;
            }

            @Override
            public void close() {
                context.ungetService(ref);
            }
        });
    }

    /** @return the Plugin service the bundle registered with that name, usable by this bundle, or {@code null} */
    private ServiceReference<?> reference(Bundle b, String name) {
        ServiceReference<?>[] refs = b.getState() == Bundle.ACTIVE ? b.getRegisteredServices() : null;
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            if (name.equals(r.getProperty(Plugin.NAME)) && r.isAssignableTo(context.getBundle(), Plugin.class.getName())
                    && Arrays.asList((String[]) r.getProperty("objectClass")).contains(Plugin.class.getName())) {
                return r;
            }
        }
        return null;
    }
}
