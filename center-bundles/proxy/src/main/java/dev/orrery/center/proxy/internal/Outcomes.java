package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.Progress;
import dev.orrery.center.store.Progress.Outcome;
import dev.orrery.center.store.TaskStore;
import dev.orrery.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what agents report, a batch at a time: progress acks and final results go to the
 * store in one transaction ({@link TaskStore#record}), and only after its commit is each result
 * acknowledged ({@code Ack STORED}), so the agent drops it from its outbox only once it is
 * durable. A result the center never asked for, with a non-final state, or already stored is
 * counted and acknowledged but never stored (again); an ack that moves nothing is counted. If
 * the store fails, the batch is written again one host task at a time, so one bad report cannot
 * hold back the others; a report that still fails is not acknowledged, and the agent sends it
 * again. Call it from one thread at a time, off the I/O threads.
 */
final class Outcomes {
    /** Largest stdout or stderr kept per host, in bytes. */
    static final int MAX_OUTPUT_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    /** An ack or a result as it arrived from a channel. */
    record Report(String channelId, Message message, long at) {
        /** @return about how many bytes it holds, for the recorder's batches */
        long size() {
            return message instanceof Message.Result res ? 64L + res.stdout().length + res.stderr().length : 64L;
        }

        String key() {
            return message instanceof Message.Ack a ? a.taskId() + "@" + a.hostId()
                    : ((Message.Result) message).taskId() + "@" + ((Message.Result) message).hostId();
        }
    }

    private final TaskStore tasks;
    private final ChannelGateway gateway;
    private final Dispatcher dispatcher;
    private final Counters counters;

    Outcomes(TaskStore tasks, ChannelGateway gateway, Dispatcher dispatcher, Counters counters) {
        this.tasks = tasks;
        this.gateway = gateway;
        this.dispatcher = dispatcher;
        this.counters = counters;
    }

    /** Records a batch in arrival order; an {@code UNDELIVERABLE} ack is handled in its place between the writes around it. */
    void record(List<Report> batch) {
        List<Report> segment = new ArrayList<>();
        for (Report r : batch) {
            if (r.message() instanceof Message.Ack a && a.kind() == Message.AckKind.UNDELIVERABLE) {
                write(segment);
                segment.clear();
                if (!dispatcher.undeliverable(r.channelId(), a.taskId(), a.hostId())) {
                    (tasks.stateOf(a.taskId(), a.hostId()).isEmpty() ? counters.ignoredAcks : counters.staleAcks).incrementAndGet();
                }
            } else if (r.message() instanceof Message.Ack a && a.kind() == Message.AckKind.STORED) {
                LOG.debug("Ignoring a STORED ack from channel {}", r.channelId());
                counters.ignoredAcks.incrementAndGet();
            } else {
                segment.add(r);
            }
        }
        write(segment);
    }

    private void write(List<Report> reports) {
        if (reports.isEmpty()) {
            return;
        }
        Outcome[] outcomes = new Outcome[reports.size()];
        boolean[] written = new boolean[reports.size()];
        try {
            store(reports, outcomes, written, allOf(reports));
        } catch (RuntimeException e) {
            LOG.warn("Writing {} acks and results at once failed ({}); writing them one host task at a time", reports.size(),
                    e.getMessage());
            Map<String, List<Integer>> byKey = new LinkedHashMap<>();
            for (int i = 0; i < reports.size(); i++) {
                byKey.computeIfAbsent(reports.get(i).key(), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> one : byKey.values()) {
                try {
                    store(reports, outcomes, written, one);
                } catch (RuntimeException again) {
                    LOG.warn("Could not record {} for {}: {}; not acknowledged", one.size(), reports.get(one.get(0)).key(),
                            again.getMessage());
                }
            }
        }
        for (int i = 0; i < reports.size(); i++) {
            if (written[i]) {
                count(reports.get(i), outcomes[i]);
            }
        }
    }

    /** Writes the reports at these indices in one transaction; marks them written once it committed. */
    private void store(List<Report> reports, Outcome[] outcomes, boolean[] written, List<Integer> indices) {
        List<Progress> progress = new ArrayList<>();
        List<Integer> stored = new ArrayList<>();
        for (int i : indices) {
            Report r = reports.get(i);
            if (r.message() instanceof Message.Ack a) {
                HostTaskState s = a.kind() == Message.AckKind.RECEIVED ? HostTaskState.RECEIVED : HostTaskState.RUNNING;
                progress.add(Progress.ack(a.taskId(), a.hostId(), s, r.channelId(), r.at()));
                stored.add(i);
            } else if (r.message() instanceof Message.Result res && res.state().isFinal()) {
                progress.add(Progress.result(record(r.channelId(), res), r.at()));
                stored.add(i);
            }
        }
        List<Outcome> got = tasks.record(progress);
        for (int k = 0; k < stored.size(); k++) {
            outcomes[stored.get(k)] = got.get(k);
        }
        indices.forEach(i -> written[i] = true);
    }

    /** Counts what was ignored; acknowledges every result (stored now, before, or never) once the commit is done. */
    private void count(Report r, Outcome outcome) {
        if (r.message() instanceof Message.Ack a) {
            if (outcome == Outcome.UNKNOWN) {
                counters.ignoredAcks.incrementAndGet();
                LOG.debug("Ignoring a {} ack for unknown host task {}/{} from channel {}", a.kind(), a.taskId(), a.hostId(),
                        r.channelId());
            } else if (outcome == Outcome.STALE) {
                counters.staleAcks.incrementAndGet();
                LOG.debug("Ignoring a stale {} ack for {}/{}", a.kind(), a.taskId(), a.hostId());
            }
            return;
        }
        Message.Result res = (Message.Result) r.message();
        if (outcome == null || outcome == Outcome.UNKNOWN) {
            counters.ignoredResults.incrementAndGet();
            LOG.debug("Ignoring a result ({}) for {}/{} from channel {}", res.state(), res.taskId(), res.hostId(), r.channelId());
        } else if (outcome == Outcome.STALE) {
            counters.duplicateResults.incrementAndGet();
            LOG.debug("Duplicate result for {}/{}: acknowledged again", res.taskId(), res.hostId());
        }
        gateway.send(r.channelId(), new Message.Ack(res.taskId(), res.hostId(), Message.AckKind.STORED));
    }

    private static List<Integer> allOf(List<Report> reports) {
        List<Integer> all = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            all.add(i);
        }
        return all;
    }

    static HostTaskRecord record(String channelId, Message.Result r) {
        boolean cutOut = r.stdout().length > MAX_OUTPUT_BYTES;
        boolean cutErr = r.stderr().length > MAX_OUTPUT_BYTES;
        return new HostTaskRecord(r.taskId(), r.hostId(), r.state(), r.exitCode() < 0 ? null : r.exitCode(),
                text(r.stdout()), text(r.stderr()), r.truncated() || cutOut || cutErr,
                r.errorCode() == null || r.errorCode().isEmpty() ? null : ErrorCode.parse(r.errorCode()), r.errorMessage(),
                channelId, r.finishedAt());
    }

    /** Decodes output as UTF-8, malformed bytes replaced, cut at {@link #MAX_OUTPUT_BYTES}. */
    static String text(byte[] bytes) {
        byte[] kept = bytes.length > MAX_OUTPUT_BYTES ? Arrays.copyOf(bytes, MAX_OUTPUT_BYTES) : bytes;
        return new String(kept, StandardCharsets.UTF_8);
    }
}
