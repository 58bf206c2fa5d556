package dev.orrery.center.store.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.Progress;
import dev.orrery.center.store.Progress.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Group commit of agents' acks and results: many reports in one transaction, each host task
 * written once, to the last state its reports reach, with the time of every transition. Lock
 * order as in {@link TaskWrites}: the rows of tasks that may finish first (sorted), then
 * host-task rows. A host task whose row changed between the read and the write (a concurrent
 * claim) is planned again from its new state.
 */
final class Progressions {
    private static final int MAX_REPLANS = 16;

    private Progressions() {
    }

    private record Key(String taskId, String hostId) {
    }

    /** The net effect of one host task's reports in a batch. */
    private static final class Plan {
        final Key key;
        final List<Integer> reports = new ArrayList<>();
        HostTaskState from;
        HostTaskState to;
        Long receivedAt;
        Long startedAt;
        HostTaskRecord result;
        String channel;
        long at;

        Plan(Key key) {
            this.key = key;
        }
    }

    static List<Outcome> record(Connection c, List<Progress> list) throws SQLException {
        Outcome[] out = new Outcome[list.size()];
        Map<Key, Plan> plans = new LinkedHashMap<>();
        TreeSet<String> finishing = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            Progress p = list.get(i);
            plans.computeIfAbsent(new Key(p.taskId(), p.hostId()), Plan::new).reports.add(i);
            if (p.state().isFinal()) {
                finishing.add(p.taskId());
            }
        }
        for (String taskId : finishing) {
            TaskWrites.lockTask(c, taskId);
        }
        Map<Key, HostTaskState> states = readStates(c, plans.keySet());
        List<Plan> writes = new ArrayList<>();
        for (Plan plan : plans.values()) {
            if (plan(plan, states.get(plan.key), list, out)) {
                writes.add(plan);
            }
        }
        Map<String, Integer> finished = new TreeMap<>();
        int[] counts = HostTaskUpdates.write(c, writes.stream().map(Progressions::update).toList());
        for (int k = 0; k < writes.size(); k++) {
            Plan plan = writes.get(k);
            boolean written = counts[k] == 1 || replan(c, plan, list, out);
            if (written && plan.to.isFinal()) {
                finished.merge(plan.key.taskId(), 1, Integer::sum);
            }
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Integer> e : finished.entrySet()) {
            TaskWrites.finishHosts(c, e.getKey(), e.getValue(), now);
        }
        return Arrays.asList(out);
    }

    /** Plays a host task's reports from its recorded state. @return whether anything moves */
    private static boolean plan(Plan plan, HostTaskState current, List<Progress> list, Outcome[] out) {
        plan.from = current;
        plan.to = null;
        plan.receivedAt = null;
        plan.startedAt = null;
        plan.result = null;
        plan.channel = null;
        HostTaskState s = current;
        for (int i : plan.reports) {
            Progress p = list.get(i);
            if (s == null) {
                out[i] = Outcome.UNKNOWN;
                continue;
            }
            boolean moves = p.state().isFinal() ? !s.isFinal() : s.canMoveTo(p.state());
            if (!moves) {
                out[i] = Outcome.STALE;
                continue;
            }
            out[i] = Outcome.MOVED;
            s = p.state();
            plan.to = s;
            plan.at = p.at();
            plan.channel = p.channel() == null ? plan.channel : p.channel();
            if (s == HostTaskState.RECEIVED) {
                plan.receivedAt = p.at();
            } else if (s == HostTaskState.RUNNING) {
                plan.startedAt = p.at();
            } else {
                plan.result = p.result();
            }
        }
        return plan.to != null;
    }

    /** The row changed under the plan: read it again and retry. @return whether the host task moved */
    private static boolean replan(Connection c, Plan plan, List<Progress> list, Outcome[] out) throws SQLException {
        for (int attempt = 0; attempt < MAX_REPLANS; attempt++) {
            if (!plan(plan, readStates(c, List.of(plan.key)).get(plan.key), list, out)) {
                return false;
            }
            if (HostTaskUpdates.write(c, List.of(update(plan)))[0] == 1) {
                return true;
            }
        }
        throw new SQLException("host task " + plan.key + " kept changing", "40001");
    }

    private static HostTaskUpdates.Update update(Plan p) {
        // Where an ack was lost or overtaken, the next transition stands in for its time.
        long started = p.startedAt != null ? p.startedAt : p.at;
        long received = p.receivedAt != null ? p.receivedAt : started;
        return new HostTaskUpdates.Update(p.key.taskId(), p.key.hostId(), p.from, p.to, p.channel, p.at, received, started,
                p.result);
    }

    private static Map<Key, HostTaskState> readStates(Connection c, java.util.Collection<Key> keys) throws SQLException {
        Map<String, List<String>> byTask = new LinkedHashMap<>();
        for (Key k : keys) {
            byTask.computeIfAbsent(k.taskId(), t -> new ArrayList<>()).add(k.hostId());
        }
        Map<Key, HostTaskState> states = new HashMap<>();
        for (Map.Entry<String, List<String>> e : byTask.entrySet()) {
            for (List<String> chunk : Sql.chunks(e.getValue())) {
                try (PreparedStatement ps = c.prepareStatement("SELECT host_id, state FROM host_tasks WHERE task_id = ? AND host_id IN ("
                        + Sql.marks(chunk.size()) + ")")) {
                    ps.setString(1, e.getKey());
                    Sql.bind(ps, 2, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            states.put(new Key(e.getKey(), rs.getString(1)), HostTaskState.valueOf(rs.getString(2)));
                        }
                    }
                }
            }
        }
        return states;
    }
}
