package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.StatusSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of {@link StatusSource} services, keyed by their {@value StatusSource#SECTION}
 * property. The section {@value #AGENT} is the core's own; a service claiming it, or a bad name, is
 * ignored (logged). Where two claim one section, the first to arrive wins. Sources come and go at any
 * time; outlives agent restarts. Thread-safe.
 */
final class StatusSources {
    /** The core's own section. */
    static final String AGENT = "agent";
    private static final Logger LOG = LoggerFactory.getLogger(StatusSources.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private record Entry(String section, StatusSource source) {
    }

    /** In arrival order: the first to claim a section keeps it. */
    private final Map<Object, Entry> byService = new LinkedHashMap<>();

    /**
     * @param source the service
     * @param props its service properties ({@code service.id}, section)
     * @return whether it was taken
     */
    synchronized boolean add(StatusSource source, Map<String, ?> props) {
        String section = props.get(StatusSource.SECTION) instanceof String s ? s.trim() : "";
        if (!NAME.matcher(section).matches() || AGENT.equals(section)) {
            LOG.warn("Ignoring a status source with the section '{}': letters, digits, - and _ only, and '{}' is the core's",
                    section, AGENT);
            return false;
        }
        byService.put(key(source, props), new Entry(section, source));
        return true;
    }

    /** @param source the service going away @param props its service properties */
    synchronized void remove(StatusSource source, Map<String, ?> props) {
        byService.remove(key(source, props));
    }

    /** @return section to source, one per section */
    synchronized Map<String, StatusSource> snapshot() {
        Map<String, StatusSource> out = new LinkedHashMap<>();
        byService.values().forEach(e -> out.putIfAbsent(e.section(), e.source()));
        return out;
    }

    private static Object key(StatusSource source, Map<String, ?> props) {
        return props.get("service.id") instanceof Number n ? (Object) n.longValue() : source;
    }
}
