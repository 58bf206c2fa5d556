package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.HostIdentity;
import dev.orrery.agent.api.StatusSource;
import dev.orrery.agent.api.TaskHandler;
import java.io.IOException;
import java.util.Map;
import org.osgi.framework.BundleContext;
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
 * The agent as a DS component: wires the configuration of PID {@code dev.orrery.agent}, the
 * {@link HostIdentity} and the {@link TaskHandler} and {@link StatusSource} whiteboards into an
 * {@link Agent}, whose spool backs the {@link DataChannel} service and whose status reporter the
 * {@link dev.orrery.agent.api.StatusTrigger} service wakes. Handlers and sources may come
 * and go while the agent runs; a change of configuration or identity restarts the agent, which
 * then registers again.
 */
@Component(service = {}, immediate = true, configurationPid = AgentConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AgentConfig.class)
public final class AgentComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AgentComponent.class);

    private final HandlerRegistry handlers = new HandlerRegistry();
    private final StatusSources sources = new StatusSources();

    @Reference(name = "identity")
    private HostIdentity identity;

    @Reference(name = "dataChannel")
    private DataChannelComponent dataChannel;

    @Reference(name = "statusTrigger")
    private StatusTriggerComponent statusTrigger;

    private volatile Agent agent;

    /**
     * @param config the settings
     * @param context this bundle, for the version reported to the center
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    void activate(AgentConfig config, BundleContext context) {
        AgentSettings settings = AgentSettings.of(config, context.getBundle().getVersion().toString());
        try {
            agent = new Agent(settings, trust(config, settings), identity, handlers, AgentTls.from(config),
                    new AgentCore.Hooks(sources, new JvmUsage()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the agent's data folder " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        agent.start();
        dataChannel.attach(agent.core());
        statusTrigger.attach(agent.core());
        LOG.info("Orrery agent {} started: host {}, center {}:{}, handlers {}, data {}", settings.agentVersion(),
                identity.hostId(), settings.centerHost(), settings.centerPort(), handlers.types(), settings.dataDir());
    }

    private static TaskTrust.Settings trust(AgentConfig config, AgentSettings settings) {
        String file = config.taskKeyFile() == null ? "" : config.taskKeyFile().trim();
        TaskTrust.Settings defaults = TaskTrust.Settings.defaults(settings.dataDir());
        return new TaskTrust.Settings(config.requireSignedTasks(), file.isEmpty() ? defaults.keyFile() : java.nio.file.Path.of(file),
                config.repinTaskKey());
    }

    @Deactivate
    void deactivate() {
        Agent a = agent;
        agent = null;
        if (a != null) {
            dataChannel.detach(a.core());
            statusTrigger.detach(a.core());
            a.stop();
        }
    }

    @Reference(name = "statusSources", service = StatusSource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSource",
            updated = "updatedSource")
    void addSource(StatusSource source, Map<String, Object> props) {
        if (sources.add(source, props)) {
            LOG.info("Status source for section {} available", props.get(StatusSource.SECTION));
        }
    }

    void updatedSource(StatusSource source, Map<String, Object> props) {
        sources.remove(source, props);
        sources.add(source, props);
    }

    void removeSource(StatusSource source, Map<String, Object> props) {
        sources.remove(source, props);
    }

    @Reference(name = "handlers", service = TaskHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeHandler",
            updated = "updatedHandler")
    void addHandler(TaskHandler handler, Map<String, Object> props) {
        handlers.add(handler, props);
        LOG.info("Task handler for {} available", props.get(TaskHandler.TYPE));
    }

    void updatedHandler(TaskHandler handler, Map<String, Object> props) {
        handlers.remove(handler, props);
        handlers.add(handler, props);
    }

    void removeHandler(TaskHandler handler, Map<String, Object> props) {
        handlers.remove(handler, props);
        LOG.info("Task handler for {} gone", props.get(TaskHandler.TYPE));
    }
}
