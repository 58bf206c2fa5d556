package dev.orrery.agent.cron.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * One run of a job as published on its topic: {@code {"startedAt","finishedAt","exitCode","output","error"}}
 * (times in epoch milliseconds; {@code error} is {@code null} on success, else {@code CODE: message}).
 *
 * @param startedAt epoch ms the run started
 * @param finishedAt epoch ms it ended
 * @param exitCode the process exit code, -1 where there is none
 * @param output what it printed (stdout then stderr), cut at the cap
 * @param error {@code null} on success, else the error code and text
 */
record RunRecord(long startedAt, long finishedAt, int exitCode, String output, String error) {

    /** @return the record as one JSON line */
    byte[] toJson() {
        ObjectNode o = JobSet.MAPPER.createObjectNode();
        o.put("startedAt", startedAt);
        o.put("finishedAt", finishedAt);
        o.put("exitCode", exitCode);
        o.put("output", output);
        o.put("error", error);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param at epoch ms
     * @param error why the run did not start
     * @return a run that did not start
     */
    static RunRecord notRun(long at, String error) {
        return new RunRecord(at, at, -1, "", error);
    }

    /**
     * @param stdout standard output
     * @param stderr error output
     * @param cap most bytes kept
     * @return both, stdout first, cut at {@code cap} bytes
     */
    static String output(byte[] stdout, byte[] stderr, int cap) {
        byte[] all = new byte[stdout.length + stderr.length];
        System.arraycopy(stdout, 0, all, 0, stdout.length);
        System.arraycopy(stderr, 0, all, stdout.length, stderr.length);
        return new String(all, 0, Math.min(all.length, cap), StandardCharsets.UTF_8);
    }
}
