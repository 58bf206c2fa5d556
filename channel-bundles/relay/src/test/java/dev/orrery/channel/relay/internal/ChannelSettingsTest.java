package dev.orrery.channel.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Frames;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSettingsTest {

    /** @return the typed configuration as DS would build it: the given values over the annotation's defaults */
    static ChannelConfiguration config(Map<String, Object> values) {
        return (ChannelConfiguration) Proxy.newProxyInstance(ChannelConfiguration.class.getClassLoader(),
                new Class<?>[] {ChannelConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return ChannelConfiguration.class;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ChannelSettings s = ChannelSettings.from(config(Map.of()));
        assertEquals(new ChannelSettings("", "default", "0.0.0.0", 7710, "", "127.0.0.1", 7700, Frames.DEFAULT_MAX_PAYLOAD,
                10, 10, 500, 10_000), s);
        assertEquals("127.0.0.1:7710", s.resolvedAdvertisedAddress(7710));
        assertTrue(s.resolvedChannelId(7710).endsWith(":7710"));
        assertTrue(s.resolvedChannelId(7710).length() > ":7710".length());
    }

    @Test
    void explicitIdAndAddressWin() {
        ChannelSettings s = ChannelSettings.from(config(Map.of("channelId", " chan-7 ", "advertisedAddress", "10.0.0.5:7711")));
        assertEquals("chan-7", s.resolvedChannelId(1234));
        assertEquals("10.0.0.5:7711", s.resolvedAdvertisedAddress(1234));
    }

    @Test
    void badValuesAreRefusedWithAClearMessage() {
        refused(Map.of("port", 70_000), "dev.orrery.channel: port must be between 0 and 65535, was '70000'");
        refused(Map.of("centerPort", 0), "centerPort must be between 1 and 65535");
        refused(Map.of("idc", " "), "idc must not be empty");
        refused(Map.of("listenHost", ""), "listenHost must not be empty");
        refused(Map.of("centerHost", ""), "centerHost must not be empty");
        refused(Map.of("maxFrameBytes", 100), "maxFrameBytes must be between 1024");
        refused(Map.of("heartbeatSeconds", 0), "heartbeatSeconds must be between 1");
        refused(Map.of("reportIntervalSeconds", -5), "reportIntervalSeconds must be between 1");
        refused(Map.of("reconnectBackoffMinMs", 0L), "reconnectBackoffMinMs must be between 1");
        refused(Map.of("reconnectBackoffMinMs", 5000L, "reconnectBackoffMaxMs", 1000L),
                "reconnectBackoffMaxMs must be between 5000");
        refused(Map.of("admitPerSecond", 0), "admitPerSecond must be between 1");
        refused(Map.of("admitBurst", 0), "admitBurst must be between 1");
        refused(Map.of("redirectsPerSecond", 0), "redirectsPerSecond must be between 1");
        refused(Map.of("advertisedAddress", "no-port"), "advertisedAddress must be host:port");
        refused(Map.of("advertisedAddress", "host:http"), "advertisedAddress must end in a numeric port");
        refused(Map.of("advertisedAddress", "host:0"), "advertisedAddress must have a port between 1 and 65535");
    }

    private static void refused(Map<String, Object> values, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelSettings.from(config(values)));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
