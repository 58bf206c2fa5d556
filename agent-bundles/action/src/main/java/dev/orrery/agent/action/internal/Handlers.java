package dev.orrery.agent.action.internal;

import dev.orrery.agent.api.TaskHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The task handlers a step may use, by task type, as they come and go. Thread-safe. */
final class Handlers {
    private final Map<String, TaskHandler> byType = new ConcurrentHashMap<>();

    /**
     * @param props the service properties
     * @return the task type named by {@value TaskHandler#TYPE}, or {@code null}
     */
    static String typeOf(Map<String, ?> props) {
        Object t = props.get(TaskHandler.TYPE);
        return t instanceof String s && !s.isBlank() ? s : null;
    }

    /** @param type a type @param h its handler (replaces any earlier one) */
    void add(String type, TaskHandler h) {
        if (type != null) {
            byType.put(type, h);
        }
    }

    /** @param type a type @param h the handler going away (another one registered since stays) */
    void remove(String type, TaskHandler h) {
        if (type != null) {
            byType.remove(type, h);
        }
    }

    /** @param type a task type @return its handler now, if any */
    Optional<TaskHandler> get(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
