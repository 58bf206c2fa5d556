package dev.orrery.agent.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One section of what the agent reports about its host and itself ({@code hostinfo}, {@code agent},
 * {@code cron}, …). Register as an OSGi service with the property {@value #SECTION} naming the
 * section; the agent core reads every source after each connection to a channel and then every
 * status interval, and sends the sections whose text changed. The center keeps the last text of
 * each section per host and shows it under that name in {@code GET /hosts/{id}}.
 */
@ConsumerType
public interface StatusSource {
    /** Service property naming the section: letters, digits, {@code -} and {@code _}. */
    String SECTION = "orrery.status.section";

    /**
     * Called on an agent thread (never an I/O thread), at most once per status interval; should be
     * cheap (cache what is costly to gather).
     *
     * @return the section now, as one JSON value (usually an object); never {@code null}
     */
    String json();
}
