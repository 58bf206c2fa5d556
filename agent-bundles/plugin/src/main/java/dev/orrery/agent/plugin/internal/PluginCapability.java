package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.StatusSource;
import dev.orrery.agent.api.StatusTrigger;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.run.ProcessRunner;
import dev.orrery.api.TaskTypes;
import java.io.IOException;
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
 * The plugin capability: task type {@code plugin} ({@link PluginTasks}: install, uninstall, run),
 * status section {@code plugins} ({@link PluginStatus}) and the script extender
 * ({@link ScriptExtender}). Plugin bundles are installed at location {@code orrery-plugin:<name>};
 * after an agent restart the framework restores them and the registry is reconciled with them.
 * Every install or uninstall asks the agent core ({@link StatusTrigger}, optional) to send the
 * status at once. Script runs need the {@code cmd} capability's {@link ProcessRunner} (optional:
 * without it they fail with {@code PLUGIN_FAILED}). Configured by PID {@code dev.orrery.agent.plugin}.
 */
@Component(service = {TaskHandler.class, StatusSource.class},
        property = {TaskHandler.TYPE + "=" + TaskTypes.PLUGIN, StatusSource.SECTION + "=plugins"},
        configurationPid = PluginConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PluginConfig.class)
public final class PluginCapability implements TaskHandler, StatusSource {
    private static final Logger LOG = LoggerFactory.getLogger(PluginCapability.class);

    private final FrameworkBundles bundles;
    private final ScriptExtender extender;
    private final PluginStatus status;
    private final PluginTasks tasks;

    private volatile StatusTrigger trigger;
    private volatile DataChannel data;
    private volatile ProcessRunner runner;

    /**
     * @param config the settings
     * @param context this bundle's context
     * @throws IllegalArgumentException for an invalid setting, naming it
     * @throws IOException if the plugin folder cannot be created
     */
    @Activate
    public PluginCapability(PluginConfig config, BundleContext context) throws IOException {
        PluginSettings settings = PluginSettings.of(config);
        PluginFiles files = new PluginFiles(PluginFiles.folder(settings.folder()));
        Registry registry = new Registry(settings.folder());
        bundles = new FrameworkBundles(context, settings.startTimeout());
        extender = new ScriptExtender(new ScriptStore(settings.folder()));
        extender.open(context);
        status = new PluginStatus(bundles, registry, files);
        status.reconcile();
        Installer installer = new Installer(bundles, registry, files, extender, settings.startTimeout());
        tasks = new PluginTasks(bundles, installer, new JavaRun(bundles, settings.maxOutputBytes()),
                new ScriptRun(extender, () -> runner, files), files, settings.runTimeoutSeconds(), () -> data, this::changed);
        LOG.info("Plugins started: {} installed, folder {}", bundles.all().size(), settings.folder());
    }

    @Deactivate
    void deactivate() {
        extender.close();
        bundles.close();
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        return tasks.execute(request, context);
    }

    @Override
    public TaskOutcome resume(TaskRequest request, TaskContext context) {
        return tasks.resume(request, context);
    }

    @Override
    public void release(TaskRequest request) {
        ProcessRunner r = runner;
        if (r != null && request.param("op", "run").equals("run")) {
            r.release(request.taskId());
        }
        tasks.release(request);
    }

    @Override
    public String json() {
        return status.json();
    }

    private void changed() {
        StatusTrigger t = trigger;
        if (t != null) {
            try {
                t.changed();
            } catch (RuntimeException e) {
                LOG.debug("The status trigger failed", e);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetTrigger")
    void setTrigger(StatusTrigger t) {
        trigger = t;
    }

    void unsetTrigger(StatusTrigger t) {
        if (trigger == t) {
            trigger = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetData")
    void setData(DataChannel d) {
        data = d;
    }

    void unsetData(DataChannel d) {
        if (data == d) {
            data = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetRunner")
    void setRunner(ProcessRunner r) {
        runner = r;
    }

    void unsetRunner(ProcessRunner r) {
        if (runner == r) {
            runner = null;
        }
    }
}
