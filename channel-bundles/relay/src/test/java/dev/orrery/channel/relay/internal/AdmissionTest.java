package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** New agent sessions are admitted at a bounded rate; the others are closed at once. */
class AdmissionTest extends ChannelTestSupport {

    @Test
    void tokenBucketAdmitsABurstThenTheRate() {
        AtomicLong now = new AtomicLong();
        Admission a = new Admission(10, 3, now::get);
        assertTrue(a.tryAdmit() && a.tryAdmit() && a.tryAdmit(), "a burst of 3");
        assertFalse(a.tryAdmit());
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(99));
        assertFalse(a.tryAdmit(), "one token every 100 ms");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertTrue(a.tryAdmit());
        assertFalse(a.tryAdmit());
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        int burst = 0;
        while (a.tryAdmit()) {
            burst++;
        }
        assertEquals(3, burst, "a long quiet time refills only the burst");
        assertEquals(7, a.admitted());
        assertEquals(4, a.refused());
        assertThrows(IllegalArgumentException.class, () -> new Admission(0, 1));
    }

    @Test
    void helloOverTheRateIsClosedAtOnceAndTheNextOneLaterIsAdmitted() throws IOException {
        startChannel(settings(10, 10).withRates(1, 2, 200));
        FakeAgent a = agent("host-a");
        FakeAgent b = agent("host-b");
        FakeAgent c = agent("host-c");
        await().atMost(Duration.ofSeconds(3)).until(c::isClosed);
        assertFalse(a.isClosed() || b.isClosed());
        awaitReport("host-a", "host-b");
        assertEquals(1, channel.admission().refused());
        // after a second there is a token again
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            FakeAgent retry = agent("host-c");
            return !retry.isClosed() && retry.received(dev.orrery.protocol.Message.Heartbeat.class).isEmpty()
                    && awaitOpen(retry);
        });
        awaitReport("host-a", "host-b", "host-c");
    }

    private static boolean awaitOpen(FakeAgent a) {
        a.send(new dev.orrery.protocol.Message.Heartbeat(1));
        try {
            await().atMost(Duration.ofMillis(500)).until(() -> a.isClosed()
                    || !a.received(dev.orrery.protocol.Message.Heartbeat.class).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
        return !a.isClosed();
    }
}
