package dev.orrery.agent.action.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of an action tree on this host: steps run in order through their handlers,
 * short-circuiting like {@code &&}, {@code ||} and {@code !}. The last step run decides the
 * value of the tree. Stops at a cancel or when the action's deadline passes. Single-threaded.
 */
final class Evaluation {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);

    /** A step that ran. @param step the step @param outcome how it ended */
    record Ran(ActionTree.Step step, TaskOutcome outcome) {
        boolean succeeded() {
            return outcome.state() == HostTaskState.SUCCEEDED;
        }
    }

    /** Thrown to stop the evaluation: cancelled or out of time. */
    static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient HostTaskState state;

        Stopped(HostTaskState state) {
            super(state.name(), null, false, false);
            this.state = state;
        }

        HostTaskState state() {
            return state;
        }
    }

    private final TaskRequest parent;
    private final TaskContext context;
    private final Handlers handlers;
    private final long deadlineMillis;
    private final List<Ran> ran = new ArrayList<>();

    /**
     * @param parent the action task
     * @param context its cancellation (shared with every step: a cancel reaches the running one)
     * @param handlers the handlers by type
     * @param deadlineMillis epoch ms when the whole action must end
     */
    Evaluation(TaskRequest parent, TaskContext context, Handlers handlers, long deadlineMillis) {
        this.parent = parent;
        this.context = context;
        this.handlers = handlers;
        this.deadlineMillis = deadlineMillis;
    }

    /** @return the steps that ran, in order */
    List<Ran> ran() {
        return List.copyOf(ran);
    }

    /**
     * @param node a node
     * @return its value
     * @throws Stopped on a cancel or when the deadline passed
     */
    boolean eval(ActionTree.Node node) throws Stopped {
        if (node instanceof ActionTree.And and) {
            for (ActionTree.Node c : and.children()) {
                if (!eval(c)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof ActionTree.Or or) {
            for (ActionTree.Node c : or.children()) {
                if (eval(c)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof ActionTree.Not not) {
            return !eval(not.child());
        }
        return run((ActionTree.Step) node).succeeded();
    }

    private Ran run(ActionTree.Step step) throws Stopped {
        checkGoingOn();
        int remaining = (int) Math.max(1, (deadlineMillis - System.currentTimeMillis() + 999) / 1000);
        TaskRequest req = StepRequests.of(parent, step, remaining);
        Optional<TaskHandler> h = handlers.get(step.type());
        TaskOutcome o;
        if (h.isEmpty()) {
            o = TaskOutcome.failed(ErrorCode.HANDLER_MISSING, "step " + step.path() + ": this agent has no '" + step.type()
                    + "' capability (no handler for that task type)");
        } else {
            o = execute(h.get(), req, step);
        }
        Ran r = new Ran(step, o);
        ran.add(r);
        checkGoingOn();
        return r;
    }

    private TaskOutcome execute(TaskHandler h, TaskRequest req, ActionTree.Step step) {
        TaskOutcome o;
        try {
            o = h.execute(req, context);
        } catch (Exception e) {
            LOG.warn("Step {} ({}) of task {} failed", step.path(), step.type(), req.taskId(), e);
            o = TaskOutcome.failed(ErrorCode.HANDLER_FAILED, "step " + step.path() + ": the '" + step.type()
                    + "' handler failed unexpectedly");
        }
        if (o == null) {
            o = TaskOutcome.failed(ErrorCode.HANDLER_FAILED, "step " + step.path() + ": the handler returned no outcome");
        }
        try {
            h.release(req); // the step's outcome is in the action's result now
        } catch (RuntimeException e) {
            LOG.debug("Releasing step {} of task {} failed: {}", step.path(), req.taskId(), e.toString());
        }
        return o;
    }

    private void checkGoingOn() throws Stopped {
        if (context.isCancelled()) {
            throw new Stopped(HostTaskState.CANCELLED);
        }
        if (System.currentTimeMillis() >= deadlineMillis) {
            throw new Stopped(HostTaskState.TIMED_OUT);
        }
    }
}
