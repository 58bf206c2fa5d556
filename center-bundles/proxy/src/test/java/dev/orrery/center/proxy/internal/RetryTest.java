package dev.orrery.center.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void waitsGrowWithEachSendWithinTheUpperHalfUpToTheCap() {
        Retry r = new Retry(5000, 60000);
        for (int i = 0; i < 200; i++) {
            long first = r.delay(1);
            assertTrue(first >= 2500 && first <= 5000, "first " + first);
            long third = r.delay(3);
            assertTrue(third >= 10000 && third <= 20000, "third " + third);
            long late = r.delay(50);
            assertTrue(late >= 30000 && late <= 60000, "capped " + late);
        }
    }

    @Test
    void settingsRefuseResendWaitsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ProxySettings(60, 3600, 100, 2, 50, 1000));
        assertThrows(IllegalArgumentException.class, () -> new ProxySettings(60, 3600, 100, 2, 5000, 1000));
        new ProxySettings(60, 3600, 100, 2, 100, 100);
    }
}
