package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskState;
import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.link.LinkListener;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.DispatchClaim;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.NewTask;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import dev.orrery.guard.CommandGuard;
import dev.orrery.guard.Guard;
import dev.orrery.protocol.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy: {@link TaskService} for the REST API and the shell, and the {@link LinkListener}
 * that hears acks, results and arriving hosts from the channels. Acks and results are written
 * in batches by the recorder ({@link GroupCommit}), dispatch runs on the proxy's own workers,
 * never on a MINA I/O thread; a sweeper ends tasks past their
 * timeout and sends again, from the store, dispatched host tasks whose receipt is overdue.
 */
@Component(service = {TaskService.class, LinkListener.class}, immediate = true, configurationPid = ProxyConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ProxyConfig.class)
public final class TaskServiceImpl implements TaskService, LinkListener {
    private static final Logger LOG = LoggerFactory.getLogger(TaskServiceImpl.class);
    private static final int MAX_RESULTS = 1000;

    private final ProxySettings settings;
    private final HostStore hosts;
    private final TaskStore tasks;
    private final Dispatcher dispatcher;
    private final Outcomes outcomes;
    private final Terminator terminator;
    private final Workers workers;
    private final Resender resender;
    private final Intake intake;
    private final Creations creations;
    private final Counters counters = new Counters();
    /** The high-risk guard: the configured service in OSGi, the built-in rules elsewhere. */
    @Reference(name = "guard")
    private volatile CommandGuard guard = Guard.withDefaults();

    /**
     * @param config the configuration
     * @param hosts the host store
     * @param tasks the task store
     * @param gateway the channels
     * @param keys the center's task-signing key
     */
    @Activate
    public TaskServiceImpl(ProxyConfig config, @Reference(name = "hostStore") HostStore hosts,
            @Reference(name = "taskStore") TaskStore tasks, @Reference(name = "gateway") ChannelGateway gateway,
            @Reference(name = "taskKeys") TaskKeys keys) {
        this(ProxySettings.from(config), hosts, tasks, gateway, keys.sealer());
    }

    /** As the full constructor, signing tasks with a key pair held in memory only (tests). */
    public TaskServiceImpl(ProxySettings settings, HostStore hosts, TaskStore tasks, ChannelGateway gateway) {
        this(settings, hosts, tasks, gateway, TaskSealer.ephemeral());
    }

    /**
     * Starts the workers and the sweeper.
     *
     * @param settings validated settings
     * @param hosts the host store
     * @param tasks the task store
     * @param gateway the channels
     * @param sealer signs every task sent
     */
    TaskServiceImpl(ProxySettings settings, HostStore hosts, TaskStore tasks, ChannelGateway gateway, TaskSealer sealer) {
        this.settings = settings;
        this.hosts = hosts;
        this.tasks = tasks;
        Retry retry = new Retry(settings.resendInitialMillis(), settings.resendMaxMillis());
        this.dispatcher = new Dispatcher(hosts, tasks, gateway, retry, sealer);
        this.outcomes = new Outcomes(tasks, gateway, dispatcher, counters);
        this.resender = new Resender(hosts, tasks, dispatcher, retry, counters);
        this.terminator = new Terminator(hosts, tasks, gateway);
        this.intake = new Intake(settings.recordBatchSize(), outcomes::record, gateway, counters);
        this.creations = new Creations(tasks, settings.recordBatchSize(), settings.submitQueueLimit());
        this.workers = new Workers(settings.workerThreads(), settings.sweepIntervalMillis(), this::sweep);
    }

    @Override
    public Accepted submit(TaskSubmission submission) {
        Vetting.Vetted v = Vetting.vet(submission, hosts, guard, settings);
        long now = System.currentTimeMillis();
        TaskRecord task = new TaskRecord(TaskIds.next(now), submission.type(), submission.createdBy(), now, v.timeoutSeconds(),
                Vetting.params(submission, v), submission.body(), TaskState.RECEIVED);
        // the host tasks of hosts online now are claimed in the task's own transaction and sent
        // once it commits; the others wait for their host (or for the check after the commit)
        List<DispatchClaim> claims = dispatcher.claimsFor(v.hostIds());
        creations.create(new NewTask(task, v.hostIds(), claims));
        LOG.info("Task {} ({}) by {} accepted for {} host(s)", task.taskId(), task.type(), task.createdBy(), v.hostIds().size());
        if (v.highRisk() != null) {
            LOG.warn("Task {} by {} runs a high-risk command (rule {}) the submitter confirmed", task.taskId(), task.createdBy(),
                    v.highRisk());
        }
        workers.run("dispatch " + task.taskId(), () -> dispatcher.sendCreated(task, v.hostIds(), claims));
        return new Accepted(task.taskId(), v.hostIds().size());
    }

    @Override
    public Plan plan(TaskSubmission submission) {
        Vetting.Vetted v = Vetting.vet(submission, hosts, guard, settings);
        List<Plan.Host> planned = new ArrayList<>(v.hostIds().size());
        for (String id : v.hostIds()) {
            Optional<HostRecord> h = hosts.get(id);
            planned.add(new Plan.Host(id, h.map(HostRecord::hostname).orElse(id), h.map(HostRecord::status).orElse(HostStatus.OFFLINE)));
        }
        planned.sort(Comparator.comparing(Plan.Host::hostId));
        return new Plan(submission.type(), Vetting.params(submission, v), planned, v.highRisk());
    }

    @Override
    public Optional<TaskRecord> task(String taskId) {
        return tasks.get(taskId);
    }

    @Override
    public Map<HostTaskState, Integer> counts(String taskId) {
        return tasks.counts(taskId);
    }

    @Override
    public List<HostTaskRecord> results(String taskId, HostTaskState state, int offset, int limit) {
        return tasks.results(taskId, state, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_RESULTS));
    }

    @Override
    public void cancel(String taskId) {
        TaskRecord t = tasks.get(taskId).orElseThrow(() -> new OrreryException(ErrorCode.NOT_FOUND, "no task " + taskId));
        if (t.state() == TaskState.DONE) {
            throw new OrreryException(ErrorCode.TASK_FINISHED, "task " + taskId + " is already finished");
        }
        terminator.end(taskId, HostTaskState.CANCELLED, ErrorCode.CANCELLED, "cancelled on request");
    }

    @Override
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    @Override
    public void onAck(String channelId, Message.Ack ack) {
        intake.add(channelId, ack);
    }

    @Override
    public void onResult(String channelId, Message.Result result) {
        intake.add(channelId, result);
    }

    @Override
    public void onHostsOnline(String channelId, List<String> hostIds) {
        workers.inOrder("hosts online", () -> dispatcher.hostsOnline(channelId, hostIds));
    }

    @Override
    public void onChannelLost(String channelId) {
        // Tasks the lost channel had not yet delivered are sent again when their hosts come back.
        workers.inOrder("channel lost", () -> tasks.markUndeliveredOnChannel(channelId));
    }

    /** @return acks and results received and not yet written (or given up) */
    int recorderBacklog() {
        return intake.backlog();
    }

    /** @return submissions waiting for their transaction */
    int creationBacklog() {
        return creations.backlog();
    }

    /** Stops taking submissions, then stops the sweeper, the workers and the recorder, letting queued work finish for a few seconds. */
    @Deactivate
    public void close() {
        creations.close();
        workers.close();
        intake.close();
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        for (String taskId : tasks.expired(now)) {
            tasks.get(taskId).ifPresent(t -> terminator.end(taskId, HostTaskState.TIMED_OUT, ErrorCode.TIMED_OUT,
                    "no result within " + t.timeoutSeconds() + " s"));
        }
        // An ack that arrived before a host task's resend time may still wait in the recorder's
        // queue: only host tasks due before the oldest report not yet recorded are overdue.
        resender.scan(intake.recordedUpTo(now));
    }
}
