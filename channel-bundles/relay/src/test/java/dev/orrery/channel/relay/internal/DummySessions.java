package dev.orrery.channel.relay.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoSession;

/** In-memory MINA sessions that record what is written to them. */
final class DummySessions {
    private DummySessions() {
    }

    /** A session whose writes land in {@link #written()}. */
    static final class Recording extends DummySession {
        private final List<Object> written = new CopyOnWriteArrayList<>();

        Recording() {
            setHandler(new IoHandlerAdapter() {
                @Override
                public void messageSent(IoSession session, Object message) {
                    written.add(message);
                }
            });
        }

        List<Object> written() {
            return written;
        }
    }
}
