package dev.orrery.channel.relay.internal;

import java.io.IOException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The channel as a DS component: validates the configuration of PID {@code dev.orrery.channel}
 * and runs one {@link Channel}. Runs with the defaults when no configuration exists; a changed
 * configuration restarts the channel (agents reconnect). Registers no service.
 */
@Component(configurationPid = ChannelSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = ChannelConfiguration.class)
public final class ChannelComponent {
    private Channel channel;

    @Activate
    private void activate(ChannelConfiguration config, BundleContext context) throws IOException {
        ChannelSettings settings = ChannelSettings.from(config);
        Channel c = new Channel(settings, context.getBundle().getVersion().toString(), ChannelTls.from(config));
        c.start();
        channel = c;
    }

    @Deactivate
    private void deactivate() {
        if (channel != null) {
            channel.stop();
            channel = null;
        }
    }
}
