package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.TaskHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whiteboard of {@link TaskHandler} services, keyed by their {@value TaskHandler#TYPE}
 * property (a string or several). Where several handle one type, the highest
 * {@code service.ranking} wins, then the oldest service. Handlers come and go at any time.
 * Thread-safe.
 */
final class HandlerRegistry {
    private record Entry(TaskHandler handler, List<String> types, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> PREFERENCE = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final Map<Long, Entry> byService = new HashMap<>();
    private long anonymous = Long.MAX_VALUE / 2;

    /**
     * @param handler the service
     * @param props its service properties ({@code service.id}, {@code service.ranking}, type)
     */
    synchronized void add(TaskHandler handler, Map<String, ?> props) {
        long id = props.get("service.id") instanceof Number n ? n.longValue() : anonymous++;
        int ranking = props.get("service.ranking") instanceof Integer r ? r : 0;
        byService.put(id, new Entry(handler, types(props.get(TaskHandler.TYPE)), ranking, id));
        notifyAll();
    }

    /**
     * Waits for a handler of a type to appear (after a restart, capabilities start after the core).
     *
     * @param type a task type
     * @param millis the longest wait
     * @return the handler, or empty if none appeared in time or the thread was interrupted
     */
    synchronized Optional<TaskHandler> await(String type, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        Optional<TaskHandler> h = find(type);
        while (h.isEmpty()) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return h;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return h;
            }
            h = find(type);
        }
        return h;
    }

    /**
     * @param handler the service going away
     * @param props its service properties
     */
    synchronized void remove(TaskHandler handler, Map<String, ?> props) {
        if (props.get("service.id") instanceof Number n) {
            byService.remove(n.longValue());
        } else {
            byService.values().removeIf(e -> e.handler() == handler);
        }
    }

    /**
     * @param type a task type
     * @return the handler to use, if any
     */
    synchronized Optional<TaskHandler> find(String type) {
        return byService.values().stream().filter(e -> e.types().contains(type)).min(PREFERENCE).map(Entry::handler);
    }

    /** @return every type with at least one handler, sorted */
    synchronized Collection<String> types() {
        TreeSet<String> all = new TreeSet<>();
        byService.values().forEach(e -> all.addAll(e.types()));
        return all;
    }

    private static List<String> types(Object prop) {
        List<String> out = new ArrayList<>();
        if (prop instanceof String s) {
            out.add(s);
        } else if (prop instanceof String[] a) {
            out.addAll(List.of(a));
        } else if (prop instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        }
        out.removeIf(String::isBlank);
        return out;
    }
}
