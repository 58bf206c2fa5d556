package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.Plugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarInputStream;

/**
 * {@link Bundles} without a framework: bundles are read from their jars; a version in
 * {@link #unresolvable} fails to start as an unresolved bundle does; a java plugin registers its
 * service from {@link #services} unless its version is in {@link #silent}; a script plugin's
 * entry goes through the real extender. Every operation is logged.
 */
final class FakeBundles implements Bundles {
    final Map<String, Found> installed = new TreeMap<>();
    final Set<String> unresolvable = new HashSet<>();
    final Set<String> silent = new HashSet<>();
    final Map<String, Plugin> services = new HashMap<>();
    final List<String> log = new ArrayList<>();
    final AtomicInteger leased = new AtomicInteger();
    private final Map<String, byte[]> jars = new HashMap<>();
    ScriptExtender extender;

    @Override
    public synchronized List<Found> all() {
        return List.copyOf(installed.values());
    }

    @Override
    public synchronized Optional<Found> find(String name) {
        return Optional.ofNullable(installed.get(name));
    }

    @Override
    public synchronized void install(String name, Path jar) throws Exception {
        log.add("install " + name);
        load(name, jar);
    }

    @Override
    public synchronized void update(String name, Path jar) throws Exception {
        stopped(name);
        log.add("update " + name);
        load(name, jar);
    }

    @Override
    public synchronized void start(String name) throws Exception {
        Found f = installed.get(name);
        log.add("start " + name + " " + f.version());
        if (unresolvable.contains(f.version())) {
            throw new IllegalStateException("Unable to resolve test.plugin." + name + " [" + f.version() + "]: missing requirement osgi.wiring.package=nowhere");
        }
        installed.put(name, new Found(name, f.version(), f.kind(), "ACTIVE"));
        if (f.kind().equals("script") && extender != null) {
            PluginJar headers = PluginJar.read(jars.get(name));
            try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jars.get(name)))) {
                for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    if (e.getName().equals(headers.entry())) {
                        extender.extracted(name, f.version(), headers.entry(), in.readAllBytes());
                    }
                }
            }
        }
    }

    @Override
    public synchronized void uninstall(String name) {
        log.add("uninstall " + name);
        stopped(name);
        installed.remove(name);
    }

    @Override
    public synchronized boolean awaitPlugin(String name, Duration wait) {
        Found f = installed.get(name);
        return f != null && f.active() && f.kind().equals("java") && !silent.contains(f.version()) && services.containsKey(name);
    }

    @Override
    public synchronized Optional<Lease> plugin(String name) {
        if (!awaitPlugin(name, Duration.ZERO)) {
            return Optional.empty();
        }
        leased.incrementAndGet();
        Plugin p = services.get(name);
        return Optional.of(new Lease() {
            @Override
            public Plugin plugin() {
                return p;
            }

            @Override
            public void close() {
                leased.decrementAndGet();
            }
        });
    }

    private void stopped(String name) {
        Found f = installed.get(name);
        if (f != null && f.active()) {
            installed.put(name, new Found(name, f.version(), f.kind(), "RESOLVED"));
            if (extender != null) {
                extender.script(name, f.version()).ifPresent(s -> extender.removedBundle(null, null, s));
            }
        }
    }

    private void load(String name, Path jar) throws Exception {
        byte[] bytes = Files.readAllBytes(jar);
        PluginJar p = PluginJar.read(bytes);
        jars.put(name, bytes);
        installed.put(name, new Found(name, p.version(), p.kind(), "INSTALLED"));
    }
}
