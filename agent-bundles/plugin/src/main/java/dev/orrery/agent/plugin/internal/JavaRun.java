package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a java plugin: its {@code Plugin} service (registered by its own bundle) is called on a
 * thread of its own, waited for until the task's deadline or its cancellation; then the plugin's
 * context is cancelled and its thread interrupted, and the task ends without it (a plugin that
 * ignores both keeps its thread, never the handler). What it throws is {@code PLUGIN_FAILED}.
 */
final class JavaRun {
    private static final Object CANCELLED = new Object();
    private final Bundles bundles;
    private final int cap;

    /** @param bundles the framework @param cap standard output kept per run */
    JavaRun(Bundles bundles, int cap) {
        this.bundles = bundles;
        this.cap = cap;
    }

    /**
     * @param f the plugin's bundle (active)
     * @param req the task
     * @param args the plugin's arguments
     * @param work the plugin's private working folder
     * @param timeoutSeconds the deadline
     * @param lines receives each output line, {@code null} when the task names no data topic
     * @param ctx the task's cancellation
     * @return the outcome
     */
    TaskOutcome run(Bundles.Found f, TaskRequest req, List<String> args, Path work, int timeoutSeconds, Consumer<byte[]> lines,
            TaskContext ctx) {
        Optional<Bundles.Lease> lease = bundles.plugin(f.name());
        if (lease.isEmpty()) {
            return TaskOutcome.failed(ErrorCode.PLUGIN_FAILED, f.name() + " " + f.version() + " registers no Plugin service now");
        }
        Map<String, String> env = Map.of("ORRERY_TASK_ID", req.taskId(), "ORRERY_HOST_ID", req.hostId(), "ORRERY_PLUGIN_NAME", f.name(),
                "ORRERY_PLUGIN_VERSION", f.version(), "ORRERY_PLUGIN_DIR", work.toString());
        CappedOutput out = new CappedOutput(cap, lines);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CancellableContext runContext = new CancellableContext();
        CompletableFuture<Object> end = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                end.complete(lease.get().plugin().run(List.copyOf(args), env, print, runContext));
            } catch (Throwable e) { // whatever the plugin throws stays here
                end.completeExceptionally(e);
            }
        }, "orrery-plugin-run-" + f.name());
        t.setDaemon(true);
        Object result;
        try {
            ctx.onCancel(() -> end.complete(CANCELLED));
            t.start();
            result = end.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = e;
        } catch (ExecutionException e) {
            result = e.getCause();
        } finally {
            if (!end.isDone() || (!end.isCompletedExceptionally() && end.join() == CANCELLED)) {
                runContext.cancel();
                t.interrupt();
            }
            print.flush();
            out.finish();
            lease.get().close();
        }
        return outcome(f, result, out, timeoutSeconds);
    }

    private static TaskOutcome outcome(Bundles.Found f, Object result, CappedOutput out, int timeoutSeconds) {
        String who = f.name() + " " + f.version();
        if (result instanceof Integer code) {
            return code == 0 ? end(HostTaskState.SUCCEEDED, 0, out, null, null)
                    : end(HostTaskState.FAILED, code, out, ErrorCode.NONZERO_EXIT, who + " exited with code " + code);
        }
        if (result == CANCELLED) {
            return end(HostTaskState.CANCELLED, -1, out, ErrorCode.CANCELLED, who + " cancelled; its thread was interrupted");
        }
        if (result instanceof TimeoutException) {
            return end(HostTaskState.TIMED_OUT, -1, out, ErrorCode.TIMED_OUT,
                    who + " passed its deadline (timeout " + timeoutSeconds + " s); its thread was interrupted");
        }
        if (result instanceof InterruptedException) {
            return end(HostTaskState.FAILED, -1, out, ErrorCode.INTERRUPTED, "the agent stopped while " + who + " ran");
        }
        Throwable t = (Throwable) result;
        return end(HostTaskState.FAILED, -1, out, ErrorCode.PLUGIN_FAILED, who + " failed: " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + Reasons.of(t)));
    }

    private static TaskOutcome end(HostTaskState state, int exit, CappedOutput out, ErrorCode error, String message) {
        return new TaskOutcome(state, exit, out.bytes(), null, out.truncated(), error, message);
    }
}
