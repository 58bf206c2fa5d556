package dev.orrery.center.cron.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.cron.CronRun;
import dev.orrery.center.cron.RunPage;
import dev.orrery.center.store.DataStore;

/** Reads a job's runs from its data channel topic {@code orrery.cron.<cronId>}. */
final class Runs {
    private Runs() {
    }

    /** @return the topic a job's runs are published on */
    static String topic(String cronId) {
        return "orrery.cron." + cronId;
    }

    /**
     * @param page records of a job's topic
     * @return them as runs; a record that is not a run's JSON becomes a run with an error saying so
     */
    static RunPage of(DataStore.Page page) {
        return new RunPage(page.records().stream().map(Runs::run).toList(), page.next());
    }

    private static CronRun run(DataStore.Entry e) {
        try {
            JsonNode n = JobWire.MAPPER.readTree(e.data());
            if (n != null && n.isObject()) {
                JsonNode error = n.get("error");
                return new CronRun(e.cursor(), e.hostId(), n.path("startedAt").asLong(e.at()), n.path("finishedAt").asLong(e.at()),
                        n.path("exitCode").asInt(-1), n.path("output").asText(""), error == null || error.isNull() ? null : error.asText());
            }
        } catch (JsonProcessingException ignored) {
            // reported below
        }
        return new CronRun(e.cursor(), e.hostId(), e.at(), e.at(), -1, "", "UNREADABLE: the agent's run record is not JSON");
    }
}
