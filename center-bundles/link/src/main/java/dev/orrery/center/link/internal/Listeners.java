package dev.orrery.center.link.internal;

import dev.orrery.center.link.LinkListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link LinkListener}s; a failing listener is logged and skipped. Thread-safe. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final List<LinkListener> all = new CopyOnWriteArrayList<>();

    void add(LinkListener l) {
        all.add(l);
    }

    void remove(LinkListener l) {
        all.remove(l);
    }

    void fire(String what, Consumer<LinkListener> call) {
        for (LinkListener l : all) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Link listener {} failed on {}: {}", l.getClass().getName(), what, e.toString(), e);
            }
        }
    }
}
