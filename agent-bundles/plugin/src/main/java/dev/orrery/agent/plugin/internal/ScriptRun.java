package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.run.ProcessRunner;
import dev.orrery.api.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a script plugin's extracted entry through the {@code cmd} capability's
 * {@link ProcessRunner}: argv from its {@code #!} line, the guard vetting the script when the
 * interpreter is a shell, {@code ORRERY_PLUGIN_NAME}/{@code _VERSION}/{@code _DIR} as {@code env.NAME}
 * parameters of a derived task ({@code ORRERY_TASK_ID}/{@code _HOST_ID} come from the runner). For
 * a {@code runAs} user, who cannot read the agent's 0700 folders, the script is copied to a
 * per-task folder owned by that user ({@code ROOT/.runs/<task id>/}, 0700 in 0711 folders; deleted
 * when the run ends and on release).
 */
final class ScriptRun {
    private final ScriptExtender scripts;
    private final Supplier<ProcessRunner> runner;
    private final PluginFiles files;

    ScriptRun(ScriptExtender scripts, Supplier<ProcessRunner> runner, PluginFiles files) {
        this.scripts = scripts;
        this.runner = runner;
        this.files = files;
    }

    /**
     * @param f the plugin's bundle (active)
     * @param req the task
     * @param args the script's arguments
     * @param timeoutSeconds the deadline
     * @param ctx the task's cancellation
     * @return the runner's outcome, or {@code PLUGIN_FAILED} when the script cannot run
     */
    TaskOutcome run(Bundles.Found f, TaskRequest req, List<String> args, int timeoutSeconds, TaskContext ctx) {
        ScriptStore.Script s = scripts.script(f.name(), f.version()).orElse(null);
        String problem = s == null ? scripts.problem(f.name(), f.version()) : s.problem();
        if (problem != null) {
            return TaskOutcome.failed(ErrorCode.PLUGIN_FAILED, f.name() + " " + f.version() + " cannot run: " + problem);
        }
        ProcessRunner r = runner.get();
        if (r == null) {
            return TaskOutcome.failed(ErrorCode.PLUGIN_FAILED, "the cmd capability (its process runner) is not running on this agent");
        }
        TaskRequest derived = derive(f, req, timeoutSeconds);
        if (r.started(req.taskId())) {
            return r.reattach(derived, ctx);
        }
        Path file = s.file();
        String runAs = req.param("runAs", "").trim();
        try {
            if (!runAs.isEmpty()) {
                file = copyFor(runAs, req.taskId(), s.file());
            }
        } catch (IOException | RuntimeException e) {
            release(req.taskId());
            return TaskOutcome.failed(ErrorCode.RUN_AS_FAILED, "cannot give the script of " + f.name() + " to " + runAs + ": "
                    + Reasons.of(e));
        }
        TaskOutcome o = null;
        try {
            o = r.run(s.shebang().argv(file, args), s.shebang().shell() ? s.text() : null, derived, ctx);
            return o;
        } finally {
            if (!runAs.isEmpty() && !(o != null && o.error() == ErrorCode.INTERRUPTED && Thread.currentThread().isInterrupted())) {
                release(req.taskId()); // kept only while a stopping agent leaves the script running
            }
        }
    }

    /**
     * @param f the plugin's bundle
     * @param req a task
     * @param timeoutSeconds its deadline
     * @return the task as the runner sees it: the plugin's variables added, the deadline set
     */
    TaskRequest derive(Bundles.Found f, TaskRequest req, int timeoutSeconds) {
        Map<String, String> params = new HashMap<>(req.params());
        params.put("env.ORRERY_PLUGIN_NAME", f.name());
        params.put("env.ORRERY_PLUGIN_VERSION", f.version());
        params.put("env.ORRERY_PLUGIN_DIR", files.root().resolve(f.name()).resolve("work").toString());
        return new TaskRequest(req.taskId(), req.hostId(), req.type(), params, new byte[0], timeoutSeconds);
    }

    /** @param taskId a task whose runAs copy (if any) goes */
    void release(String taskId) {
        PluginFiles.deleteTree(runs().resolve(safe(taskId)));
    }

    private Path copyFor(String user, String taskId, Path script) throws IOException {
        Path runs = PluginFiles.folder(runs());
        PluginFiles.mode(files.root(), "rwx--x--x");
        PluginFiles.mode(runs, "rwx--x--x");
        Path dir = runs.resolve(safe(taskId));
        PluginFiles.deleteTree(dir);
        PluginFiles.folder(dir);
        Path copy = Files.copy(script, dir.resolve(script.getFileName()));
        PluginFiles.mode(copy, "rw-------");
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(dir, owner);
        Files.setOwner(copy, owner);
        return copy;
    }

    private Path runs() {
        return files.root().resolve(".runs"); // no plugin name starts with a dot
    }

    private static String safe(String taskId) {
        String s = taskId.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
