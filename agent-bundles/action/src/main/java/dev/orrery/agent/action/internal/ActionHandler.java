package dev.orrery.agent.action.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Task type {@code action}: parameter {@code action} is an and/or/not tree of steps
 * ({@link ActionTree}), evaluated on this host. Each step runs through the task handler of its
 * type, tracked as a whiteboard (a capability installed, stopped or updated while the agent runs
 * is seen at the next step); a step whose handler is absent fails with {@code HANDLER_MISSING}.
 * The result is {@code SUCCEEDED} when the tree is true, else {@code FAILED} with
 * {@code ACTION_FAILED} naming the deciding step (the last one run); stdout is the
 * {@link ActionReport}. A cancel reaches the running step. After an agent restart the action is
 * reported {@code INTERRUPTED} (the default {@link #resume}): it is not run twice.
 * Configured by PID {@code dev.orrery.agent.action}.
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.ACTION,
        configurationPid = ActionConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ActionConfig.class)
public final class ActionHandler implements TaskHandler {
    private final ActionSettings settings;
    private final Handlers handlers = new Handlers();

    /**
     * @param config the limits
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public ActionHandler(ActionConfig config) {
        this(ActionSettings.of(config));
    }

    /** @param settings validated settings */
    ActionHandler(ActionSettings settings) {
        this.settings = settings;
    }

    /**
     * @param h a task handler of another capability
     * @param props its service properties
     */
    @Reference(name = "handler", service = TaskHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(!(" + TaskHandler.TYPE + "=" + TaskTypes.ACTION + "))")
    void addHandler(TaskHandler h, Map<String, Object> props) {
        handlers.add(Handlers.typeOf(props), h);
    }

    /**
     * @param h a task handler going away
     * @param props its service properties
     */
    void removeHandler(TaskHandler h, Map<String, Object> props) {
        handlers.remove(Handlers.typeOf(props), h);
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        ActionTree.Node root;
        try {
            root = ActionTree.parse(request.params().get("action"), settings);
        } catch (ActionTree.Invalid e) {
            return TaskOutcome.failed(ErrorCode.BAD_TASK, e.getMessage());
        }
        int timeout = request.timeoutSeconds() > 0 ? request.timeoutSeconds() : settings.defaultTimeoutSeconds();
        Evaluation ev = new Evaluation(request, context, handlers, System.currentTimeMillis() + timeout * 1000L);
        ActionReport report = new ActionReport(settings.maxStepOutputBytes(), settings.maxOutputBytes());
        boolean value;
        try {
            value = ev.eval(root);
        } catch (Evaluation.Stopped s) {
            String json = report.json(null, ev.ran());
            boolean cancelled = s.state() == HostTaskState.CANCELLED;
            return outcome(s.state(), json, report, cancelled ? ErrorCode.CANCELLED : ErrorCode.TIMED_OUT, cancelled
                    ? "action cancelled after " + ev.ran().size() + " step(s)"
                    : "action passed its deadline (timeout " + timeout + " s) after " + ev.ran().size() + " step(s)");
        }
        String json = report.json(value, ev.ran());
        if (value) {
            return outcome(HostTaskState.SUCCEEDED, json, report, null, null);
        }
        return outcome(HostTaskState.FAILED, json, report, ErrorCode.ACTION_FAILED, deciding(ev.ran()));
    }

    private static String deciding(List<Evaluation.Ran> ran) {
        Evaluation.Ran last = ran.get(ran.size() - 1);
        TaskOutcome o = last.outcome();
        return "the action is false; deciding step " + last.step().path() + " (" + last.step().type() + ") "
                + (o.state() == HostTaskState.SUCCEEDED ? "succeeded" : "ended " + o.state()
                + (o.error() == null ? "" : " with " + o.error() + ": " + o.errorMessage()));
    }

    private static TaskOutcome outcome(HostTaskState state, String json, ActionReport report, ErrorCode code, String message) {
        return new TaskOutcome(state, state == HostTaskState.SUCCEEDED ? 0 : -1, json.getBytes(StandardCharsets.UTF_8), null,
                report.truncated(), code, message);
    }
}
