package dev.orrery.agent.plugin.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@link Bundles} on the running framework. Each framework call runs on a helper thread and is
 * waited for at most the start timeout, so an activator that hangs fails the step instead of
 * holding the task (the helper thread stays behind, stuck in the plugin). A bundle the framework
 * keeps an old revision of after an update or uninstall is refreshed
 * ({@link FrameworkWiring#refreshBundles}), waiting for the refresh to end.
 */
final class FrameworkBundles implements Bundles, AutoCloseable {
    private final BundleContext context;
    private final Duration timeout;
    private final PluginServices services;
    private final ExecutorService helpers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "orrery-plugin-framework");
        t.setDaemon(true);
        return t;
    });

    /** @param context this bundle's context @param timeout bound of each framework step */
    FrameworkBundles(BundleContext context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
        this.services = new PluginServices(context);
    }

    @Override
    public List<Found> all() {
        return Arrays.stream(context.getBundles()).filter(b -> b.getLocation().startsWith(LOCATION)).map(FrameworkBundles::found).toList();
    }

    @Override
    public Optional<Found> find(String name) {
        return Optional.ofNullable(bundle(name)).map(FrameworkBundles::found);
    }

    @Override
    public void install(String name, Path jar) throws Exception {
        timed("install", () -> {
            try (InputStream in = Files.newInputStream(jar)) {
                return context.installBundle(LOCATION + name, in);
            }
        });
    }

    @Override
    public void update(String name, Path jar) throws Exception {
        Bundle b = required(name);
        timed("stop", () -> {
            b.stop();
            return null;
        });
        timed("update", () -> {
            try (InputStream in = Files.newInputStream(jar)) {
                b.update(in);
            }
            return null;
        });
        refreshIfPending(b);
    }

    @Override
    public void start(String name) throws Exception {
        Bundle b = required(name);
        timed("start", () -> {
            b.start();
            return null;
        });
    }

    @Override
    public void uninstall(String name) throws Exception {
        Bundle b = bundle(name);
        if (b == null) {
            return;
        }
        timed("uninstall", () -> {
            b.uninstall();
            return null;
        });
        refreshIfPending(b);
    }

    @Override
    public boolean awaitPlugin(String name, Duration wait) throws InterruptedException {
        Bundle b = bundle(name);
        return b != null && services.await(b, name, wait);
    }

    @Override
    public Optional<Lease> plugin(String name) {
        Bundle b = bundle(name);
        return b == null ? Optional.empty() : services.lease(b, name);
    }

    @Override
    public void close() {
        helpers.shutdownNow();
    }

    private void refreshIfPending(Bundle b) throws Exception {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (!wiring.getRemovalPendingBundles().contains(b)) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("the refresh of " + b.getSymbolicName() + " did not end within " + timeout.toSeconds() + " s");
        }
    }

    private <T> T timed(String step, Callable<T> call) throws Exception {
        Future<T> f = helpers.submit(call);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TimeoutException(step + " did not end within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(Reasons.of(e.getCause()), e.getCause());
        }
    }

    private Bundle bundle(String name) {
        return context.getBundle(LOCATION + name);
    }

    private Bundle required(String name) {
        Bundle b = bundle(name);
        if (b == null) {
            throw new IllegalStateException("plugin " + name + " is not installed");
        }
        return b;
    }

    private static Found found(Bundle b) {
        String kind = b.getHeaders("").get(PluginJar.KIND);
        return new Found(b.getLocation().substring(LOCATION.length()), b.getVersion().toString(), kind == null ? "" : kind.trim(),
                switch (b.getState()) {
                    case Bundle.ACTIVE -> "ACTIVE";
                    case Bundle.RESOLVED -> "RESOLVED";
                    case Bundle.STARTING -> "STARTING";
                    case Bundle.STOPPING -> "STOPPING";
                    case Bundle.INSTALLED -> "INSTALLED";
                    default -> "UNINSTALLED";
                });
    }
}
