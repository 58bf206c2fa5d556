package dev.orrery.agent.plugin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code plugin} task contract: {@code op=install} (params {@code name}, {@code version},
 * {@code kind}, {@code sha256}; body = the jar), {@code op=uninstall} ({@code name}) and
 * {@code op=run} ({@code name}, {@code version}?, {@code args}?, {@code runAs}?, {@code dataTopic}?;
 * the default op, so cron jobs and action steps naming a plugin run it). Plain Java over
 * {@link Bundles}: the tests use it without a framework.
 */
final class PluginTasks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Bundles bundles;
    private final Installer installer;
    private final JavaRun java;
    private final ScriptRun scripts;
    private final PluginFiles files;
    private final int runTimeoutSeconds;
    private final Supplier<DataChannel> data;
    private final Runnable changed;

    PluginTasks(Bundles bundles, Installer installer, JavaRun java, ScriptRun scripts, PluginFiles files, int runTimeoutSeconds,
            Supplier<DataChannel> data, Runnable changed) {
        this.bundles = bundles;
        this.installer = installer;
        this.java = java;
        this.scripts = scripts;
        this.files = files;
        this.runTimeoutSeconds = runTimeoutSeconds;
        this.data = data;
        this.changed = changed;
    }

    /** @param req a plugin task @param ctx its cancellation @return its outcome; never throws */
    TaskOutcome execute(TaskRequest req, TaskContext ctx) {
        try {
            return switch (req.param("op", "run")) {
                case "install" -> install(req);
                case "uninstall" -> uninstall(req);
                case "run" -> run(req, ctx);
                default -> throw new TaskRefused(ErrorCode.BAD_TASK, "plugin: unknown op '" + req.param("op", "")
                        + "'; install, uninstall or run");
            };
        } catch (TaskRefused r) {
            return r.outcome();
        }
    }

    /** @param req the task as first received @param ctx its cancellation @return a script run re-attached, or INTERRUPTED */
    TaskOutcome resume(TaskRequest req, TaskContext ctx) {
        if (req.param("op", "run").equals("run")) {
            var f = bundles.find(req.param("name", "")).filter(x -> x.kind().equals("script") && x.active());
            if (f.isPresent()) {
                return execute(req, ctx); // the runner re-attaches to a process it started
            }
        }
        return TaskOutcome.failed(ErrorCode.INTERRUPTED, "the agent restarted while this plugin task ran; it is not run twice");
    }

    private TaskOutcome install(TaskRequest req) throws TaskRefused {
        String name = name(req);
        String version = PluginJar.normalise(required(req, "version"));
        String kind = required(req, "kind");
        String expected = required(req, "sha256").toLowerCase(Locale.ROOT);
        String actual = PluginJar.sha256(req.body());
        if (!actual.equals(expected)) {
            throw new TaskRefused(ErrorCode.DIGEST_MISMATCH, "the plugin jar's SHA-256 is " + actual + ", the task says " + expected);
        }
        PluginJar jar = PluginJar.read(req.body());
        if (!jar.name().equals(name) || !jar.version().equals(version) || !jar.kind().equals(kind)) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "the jar is " + jar.name() + " " + jar.version() + " (" + jar.kind()
                    + "), the task says " + name + " " + version + " (" + kind + ")");
        }
        try {
            return installer.install(jar, req.body());
        } finally {
            changed.run();
        }
    }

    private TaskOutcome uninstall(TaskRequest req) throws TaskRefused {
        String name = name(req);
        try {
            return installer.uninstall(name);
        } finally {
            changed.run();
        }
    }

    private TaskOutcome run(TaskRequest req, TaskContext ctx) throws TaskRefused {
        String name = name(req);
        Bundles.Found f = bundles.find(name).orElseThrow(() -> new TaskRefused(ErrorCode.PLUGIN_MISSING,
                "plugin " + name + " is not installed on this host"));
        String version = req.param("version", "").trim();
        if (!version.isEmpty() && !PluginJar.normalise(version).equals(f.version())) {
            throw new TaskRefused(ErrorCode.PLUGIN_MISSING, "plugin " + name + " " + version + " is not installed on this host (" + f.version()
                    + " is)");
        }
        List<String> args = args(req.params().get("args"));
        String topic = req.params().get(DataChannel.TOPIC_PARAM);
        if (topic != null && !DataChannel.validTopic(topic)) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "parameter '" + DataChannel.TOPIC_PARAM + "' is not a valid topic: " + topic);
        }
        if (!f.active()) {
            throw new TaskRefused(ErrorCode.PLUGIN_FAILED, name + " " + f.version() + " is " + f.state() + ", not ACTIVE");
        }
        int timeout = req.timeoutSeconds() > 0 ? req.timeoutSeconds() : runTimeoutSeconds;
        Path work;
        try {
            work = files.work(name);
        } catch (IOException e) {
            throw new TaskRefused(ErrorCode.PLUGIN_FAILED, "cannot create the working folder of " + name + ": " + e.getMessage());
        }
        if (!f.kind().equals("script") && !req.param("runAs", "").isBlank()) {
            throw new TaskRefused(ErrorCode.BAD_TASK, name + " is a java plugin: it runs inside the agent, runAs is not possible");
        }
        TaskOutcome ran = f.kind().equals("script") ? scripts.run(f, req, args, timeout, ctx)
                : java.run(f, req, args, work, timeout, topic == null ? null : lines(topic), ctx);
        TaskOutcome judged = installer.probation().judge(name, f.version(), f.kind(), ran);
        if (judged != ran) {
            changed.run(); // rolled back: the center learns it from the plugins section at once
        }
        return judged;
    }

    /** @param req a task whose result is stored */
    void release(TaskRequest req) {
        scripts.release(req.taskId());
    }

    private Consumer<byte[]> lines(String topic) {
        return line -> {
            DataChannel channel = data.get();
            if (channel != null) {
                channel.publish(topic, line);
            }
        };
    }

    private static String name(TaskRequest req) throws TaskRefused {
        String name = required(req, "name");
        if (!PluginJar.NAMES.matcher(name).matches()) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "'" + name + "' is not a valid plugin name");
        }
        return name;
    }

    private static String required(TaskRequest req, String param) throws TaskRefused {
        String v = req.param(param, "").trim();
        if (v.isEmpty()) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "plugin: parameter '" + param + "' is required");
        }
        return v;
    }

    /** @param json the {@code args} parameter, may be absent @return the arguments @throws TaskRefused BAD_TASK */
    static List<String> args(String json) throws TaskRefused {
        List<String> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            JsonNode n = JSON.readTree(json);
            for (JsonNode a : n != null && n.isArray() ? n : JSON.createArrayNode().add(0)) {
                if (!a.isTextual() || a.asText().indexOf('\0') >= 0) {
                    throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'args' must be a JSON array of strings");
                }
                out.add(a.asText());
            }
            return out;
        } catch (IOException e) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'args' is not valid JSON");
        }
    }
}
