package dev.orrery.agent.cron.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.StatusSource;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.TaskTypes;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cron capability: task type {@code cron} (param {@code op=sync}, body = the full job set for
 * this host, see {@link JobSet}) and status section {@code cron} ({@code {"digest","jobs"}}). The
 * set is kept on disk and run by a {@link CronScheduler}; each run goes through the task handler
 * of its kind and is published on the data channel (an optional service: without it, run records
 * are dropped and logged). Configured by PID {@code dev.orrery.agent.cron}.
 */
@Component(service = {TaskHandler.class, StatusSource.class},
        property = {TaskHandler.TYPE + "=" + TaskTypes.CRON, StatusSource.SECTION + "=cron"},
        configurationPid = CronConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CronConfig.class)
public final class CronCapability implements TaskHandler, StatusSource {
    private static final Logger LOG = LoggerFactory.getLogger(CronCapability.class);

    private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
    private final JobFile file;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final CronScheduler scheduler;
    private volatile JobSet current;

    private volatile DataChannel data;

    /**
     * @param config the settings
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public CronCapability(CronConfig config) {
        CronSettings settings = CronSettings.of(config);
        AtomicInteger n = new AtomicInteger();
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "orrery-cron-timer"));
        workers = Executors.newCachedThreadPool(r -> daemon(r, "orrery-cron-run-" + n.incrementAndGet()));
        scheduler = new CronScheduler(Clock.systemUTC(), timer, workers, settings.maxConcurrent(),
                new RunExecutor(handlers::get, settings.maxOutputBytes(), Clock.systemUTC()), this::publish);
        file = new JobFile(settings.folder());
        current = file.load();
        scheduler.replace(current);
        LOG.info("Cron started with {} job(s) from {}", current.jobs().size(), settings.folder());
    }

    @Deactivate
    void deactivate() {
        scheduler.close();
        timer.shutdownNow();
        workers.shutdown();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetData")
    void setData(DataChannel channel) {
        data = channel;
    }

    void unsetData(DataChannel channel) {
        if (data == channel) {
            data = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + TaskHandler.TYPE + "=" + TaskTypes.CRON + "))")
    void addHandler(TaskHandler handler, Map<String, Object> props) {
        Object type = props.get(TaskHandler.TYPE);
        if (type instanceof String t) {
            handlers.put(t, handler);
        }
    }

    void removeHandler(TaskHandler handler, Map<String, Object> props) {
        Object type = props.get(TaskHandler.TYPE);
        if (type instanceof String t) {
            handlers.remove(t, handler);
        }
    }

    @Override
    public synchronized TaskOutcome execute(TaskRequest request, TaskContext context) {
        String op = request.param("op", "");
        if (!"sync".equals(op)) {
            return TaskOutcome.failed(ErrorCode.BAD_TASK, "cron: unknown op '" + op + "'; only sync is known");
        }
        JobSet set;
        try {
            set = JobSet.parse(request.hostId(), request.body());
        } catch (IllegalArgumentException e) {
            return TaskOutcome.failed(ErrorCode.BAD_TASK, "cron: " + e.getMessage());
        }
        try {
            file.save(set);
        } catch (IOException e) {
            LOG.error("Cannot keep the cron jobs on disk", e);
            return TaskOutcome.failed(ErrorCode.HANDLER_FAILED, "cron: the job set cannot be written to disk");
        }
        current = set;
        scheduler.replace(set);
        LOG.info("Cron synced: {} job(s), digest {}", set.jobs().size(), set.digest());
        return TaskOutcome.succeeded("cron: " + set.jobs().size() + " job(s), digest " + set.digest() + "\n");
    }

    @Override
    public String json() {
        return current.statusJson();
    }

    private void publish(String topic, byte[] line) {
        DataChannel channel = data;
        if (channel == null) {
            LOG.warn("No data channel: the run record for {} is dropped", topic);
            return;
        }
        channel.publish(topic, line);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
