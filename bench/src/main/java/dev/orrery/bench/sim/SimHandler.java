package dev.orrery.bench.sim;

import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;

/**
 * The connector's one handler: hands each event to the session's owner, a {@link Registration}
 * or a {@link SimAgent}. Runs on I/O threads; never blocks.
 */
final class SimHandler extends IoHandlerAdapter {
    private final SimConfig config;

    SimHandler(SimConfig config) {
        this.config = config;
    }

    @Override
    public void sessionOpened(IoSession s) {
        Object owner = s.getAttribute(SimFleet.OWNER);
        if (owner instanceof Enrolling e) {
            e.opened(s);
        } else if (owner instanceof Registration r) {
            r.opened(s, config.group(), config.idc());
        } else if (owner instanceof SimAgent a) {
            a.opened(s, config.idc());
        }
    }

    @Override
    public void messageReceived(IoSession s, Object message) {
        Object owner = s.getAttribute(SimFleet.OWNER);
        if (owner instanceof Enrolling e) {
            e.received(s, message);
        } else if (owner instanceof Registration r) {
            r.received(s, message);
        } else if (owner instanceof SimAgent a) {
            a.received(s, message);
        }
    }

    @Override
    public void event(IoSession s, FilterEvent event) {
        if (event == SslEvent.SECURED) {
            SimFleet.releaseSlot(s);
        }
    }

    @Override
    public void sessionClosed(IoSession s) {
        SimFleet.releaseSlot(s);
        Object owner = s.getAttribute(SimFleet.OWNER);
        if (owner instanceof Enrolling e) {
            e.failed();
        } else if (owner instanceof Registration r) {
            r.failed();
        } else if (owner instanceof SimAgent a) {
            a.closed(s);
        }
    }

    @Override
    public void exceptionCaught(IoSession s, Throwable cause) {
        s.closeNow(); // resets, refusals, protocol violations: the close event does the rest
    }
}
