package dev.orrery.channel.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.junit.jupiter.api.Test;

/** Writes leave on the writer's thread, in order, and never hold up the caller. */
class SessionWriterTest {

    @Test
    void writesGoOutOnTheWriterThreadInOrderAndTheCallerNeverWaits() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        DummySession session = new DummySession();
        session.getFilterChain().addLast("record", new IoFilterAdapter() {
            @Override
            public void filterWrite(NextFilter next, IoSession s, WriteRequest request) throws Exception {
                release.await(10, TimeUnit.SECONDS); // a session whose lock is held elsewhere
                seen.add(Thread.currentThread().getName() + ":" + request.getOriginalMessage());
                done.countDown();
            }
        });
        SessionWriter writer = new SessionWriter("test-writer");
        long start = System.nanoTime();
        assertTrue(writer.write(session, "a"));
        assertTrue(writer.write(session, "b"));
        assertTrue(writer.write(session, "c"));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000, "the caller did not wait for the session");
        release.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("test-writer:a", "test-writer:b", "test-writer:c"), seen);
        writer.close();
        assertFalse(writer.write(session, "late"));
    }
}
