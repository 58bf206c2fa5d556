package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message.Hello;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** The DS component's lifecycle, called as SCR would call it, without a container. */
class ChannelComponentTest {

    private static BundleContext bundleContext(String version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> m.getName().equals("getVersion") ? Version.parseVersion(version) : null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> m.getName().equals("getBundle") ? bundle : null);
    }

    private static void call(ChannelComponent c, String name, Object... args) throws Throwable {
        for (Method m : ChannelComponent.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                try {
                    m.invoke(c, args);
                    return;
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + name);
    }

    @Test
    void activateConnectsWithTheBundleVersionAndDeactivateDisconnects() throws Throwable {
        try (FakeCenter center = new FakeCenter()) {
            ChannelComponent component = new ChannelComponent();
            call(component, "activate", ChannelSettingsTest.config(Map.of("port", 0, "centerPort", center.port(),
                    "listenHost", "127.0.0.1", "channelId", "c-1", "idc", "idc-9", "tls", false)), bundleContext("1.2.3.SNAPSHOT"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !center.received(Hello.class).isEmpty());
            Hello hello = center.received(Hello.class).get(0);
            assertEquals("c-1", hello.id());
            assertEquals("idc-9", hello.idc());
            assertEquals("1.2.3.SNAPSHOT", hello.version());
            assertTrue(hello.address().startsWith("127.0.0.1:"));
            call(component, "deactivate");
            await().atMost(Duration.ofSeconds(10)).until(() -> center.connections() == 0);
        }
    }

    @Test
    void badConfigurationFailsActivationWithAClearMessage() {
        ChannelComponent component = new ChannelComponent();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> call(component, "activate", ChannelSettingsTest.config(Map.of("heartbeatSeconds", 0)), bundleContext("1")));
        assertEquals("dev.orrery.channel: heartbeatSeconds must be between 1 and 86400, was '0'", e.getMessage());
    }

    @Test
    void aPortInUseFailsActivationWithAClearMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            ChannelComponent component = new ChannelComponent();
            IOException e = assertThrows(IOException.class, () -> call(component, "activate",
                    ChannelSettingsTest.config(Map.of("port", taken.getLocalPort(), "listenHost", "127.0.0.1", "tls", false)),
                    bundleContext("1")));
            assertTrue(e.getMessage().startsWith("dev.orrery.channel: cannot listen for agents on 127.0.0.1:" + taken.getLocalPort()),
                    e.getMessage());
        }
    }
}
