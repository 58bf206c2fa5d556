package dev.orrery.agent.accounts.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.TaskTypes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task type {@code accounts}: param {@code op} = {@code create} (user, sshPublicKey, sudo, kind),
 * {@code delete} (user), {@code rotate} (user), {@code keygen} (user) or {@code authorize} (user,
 * sshPublicKey, create). Every operation works under the configured root folder
 * ({@code useradd --root} style), is idempotent, and answers JSON on stdout listing what changed
 * ({@code keygen} answers the public key line). Invalid params and system accounts fail with
 * {@code BAD_TASK}, a failed step with {@code ACCOUNT_FAILED} naming the step and the tool's
 * message. Operations run one at a time. Public accounts' passwords also rotate on a timer.
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.ACCOUNTS,
        configurationPid = AccountsConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AccountsConfig.class)
public final class AccountsHandler implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AccountsHandler.class);
    /** How often the timer looks for public accounts whose password is due. */
    static final long CHECK_EVERY_MINUTES = 10;

    private final AccountsSettings settings;
    private final AccountOps ops;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private ScheduledExecutorService timer;

    /**
     * @param config the settings
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public AccountsHandler(AccountsConfig config) {
        this(AccountsSettings.of(config), Clock.systemUTC());
        if (settings.rotateHours() > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "orrery-accounts-rotation");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::rotateDueQuietly, 1, CHECK_EVERY_MINUTES, TimeUnit.MINUTES);
        }
        LOG.info("Host accounts managed under {}{}", settings.root(),
                settings.rotateHours() > 0 ? ", public passwords rotate every " + settings.rotateHours() + " h" : "");
    }

    AccountsHandler(AccountsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.ops = new AccountOps(settings, new Tools(settings.toolTimeoutSeconds()));
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        lock.lock();
        try {
            AccountParams p = AccountParams.parse(request);
            long now = clock.millis();
            String out = switch (p.op()) {
                case "create" -> ops.create(p, now);
                case "delete" -> ops.delete(p);
                case "rotate" -> ops.rotate(p, now);
                case "keygen" -> ops.keygen(p, request.hostId());
                default -> ops.authorize(p);
            };
            LOG.info("Task {}: accounts {} {} done", request.taskId(), p.op(), p.user());
            return TaskOutcome.succeeded(out);
        } catch (Failure f) {
            LOG.warn("Task {}: accounts failed: {}", request.taskId(), f.getMessage());
            return f.outcome();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rotates every public account whose password is older than the period (or was never rotated).
     * The new password goes nowhere: whoever needs it asks for a {@code rotate}, which answers it
     * once; so a password handed out lives at most one period.
     *
     * @return how many accounts were rotated
     */
    int rotateDue() throws Failure {
        long period = TimeUnit.HOURS.toMillis(settings.rotateHours());
        int n = 0;
        lock.lock();
        try {
            for (PasswdDb.Entry e : ops.db().all()) {
                long now = clock.millis();
                if (!e.system() && AccountParams.PUBLIC.equals(e.kind())
                        && ops.passwords().lastRotated(e.name()) + period <= now) {
                    ops.passwords().rotate(e.name(), now);
                    LOG.info("Rotated the password of public account {}", e.name());
                    n++;
                }
            }
        } finally {
            lock.unlock();
        }
        return n;
    }

    private void rotateDueQuietly() {
        try {
            rotateDue();
        } catch (Failure | RuntimeException e) {
            LOG.warn("Automatic password rotation failed: {}", e.getMessage());
        }
    }
}
