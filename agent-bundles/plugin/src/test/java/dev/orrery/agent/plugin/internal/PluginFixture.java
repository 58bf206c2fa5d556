package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.run.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The plugin capability without a framework: fake bundles, a recording process runner, temp folders. */
abstract class PluginFixture {
    /** What the fake process runner was asked to run. */
    record Ran(List<String> argv, String guarded, TaskRequest request) {
    }

    @TempDir
    Path root;

    final FakeBundles bundles = new FakeBundles();
    final List<Ran> ran = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    final AtomicInteger changes = new AtomicInteger();
    Registry registry;
    PluginFiles files;
    ScriptExtender extender;
    PluginTasks tasks;

    /** A process runner that records and succeeds, never starting a process. */
    final ProcessRunner runner = new ProcessRunner() {
        @Override
        public TaskOutcome run(List<String> argv, String guarded, TaskRequest request, TaskContext context) {
            ran.add(new Ran(argv, guarded, request));
            return TaskOutcome.succeeded("ran\n");
        }

        @Override
        public boolean started(String taskId) {
            return false;
        }

        @Override
        public TaskOutcome reattach(TaskRequest request, TaskContext context) {
            throw new AssertionError("no re-attach expected");
        }

        @Override
        public void release(String taskId) {
            // nothing spooled
        }
    };

    final DataChannel data = (topic, line) -> {
        synchronized (published) {
            published.add(topic + ": " + new String(line, StandardCharsets.UTF_8));
        }
    };

    @BeforeEach
    void wire() {
        open();
    }

    /** (Re)creates the capability over the same folder and bundles, as an agent restart does. */
    void open() {
        files = new PluginFiles(root);
        registry = new Registry(root);
        extender = new ScriptExtender(new ScriptStore(root));
        bundles.extender = extender;
        new PluginStatus(bundles, registry, files).reconcile();
        Installer installer = new Installer(bundles, registry, files, extender, Duration.ofSeconds(1));
        tasks = new PluginTasks(bundles, installer, new JavaRun(bundles, 64), new ScriptRun(extender, () -> runner, files), files, 300,
                () -> data, changes::incrementAndGet);
    }

    String status() {
        return new PluginStatus(bundles, registry, files).json();
    }

    static TaskRequest install(byte[] jar, String name, String version, String kind) {
        return task(jar, "op", "install", "name", name, "version", version, "kind", kind, "sha256", PluginJar.sha256(jar));
    }

    static TaskRequest task(byte[] body, String... params) {
        return timed(0, body, params);
    }

    static TaskRequest timed(int timeoutSeconds, byte[] body, String... params) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return new TaskRequest("t-" + UUID.randomUUID(), "h1", "plugin", p, body, timeoutSeconds);
    }

    TaskOutcome exec(TaskRequest r) {
        return tasks.execute(r, new CancellableContext());
    }

    static String out(TaskOutcome o) {
        return new String(o.stdout(), StandardCharsets.UTF_8);
    }
}
