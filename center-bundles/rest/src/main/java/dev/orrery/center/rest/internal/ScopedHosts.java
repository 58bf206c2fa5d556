package dev.orrery.center.rest.internal;

import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Host listings limited to an account's groups. With one group (or a {@code group} filter that is
 * one of them) it is one query; with several, each group's first {@code offset + limit} matches
 * are merged in host-id order. {@code total} then adds the groups' counts, so a host in two of the
 * account's groups counts twice there (the page itself holds each host once).
 */
final class ScopedHosts {
    /**
     * @param total how many hosts match
     * @param hosts the page
     */
    record Page(int total, List<HostRecord> hosts) {
    }

    private static final int MAX_MERGED = 100_000;

    private final HostStore hosts;

    ScopedHosts(HostStore hosts) {
        this.hosts = hosts;
    }

    Page find(List<String> groups, HostQuery query) {
        if (groups.isEmpty()) {
            return new Page(hosts.count(query), hosts.find(query));
        }
        if (query.group() != null) {
            return groups.contains(query.group()) ? new Page(hosts.count(query), hosts.find(query)) : new Page(0, List.of());
        }
        if (groups.size() == 1) {
            HostQuery one = inGroup(query, groups.get(0), query.offset(), query.limit());
            return new Page(hosts.count(one), hosts.find(one));
        }
        long upTo = (long) query.offset() + query.limit();
        if (upTo > MAX_MERGED) {
            throw Fields.invalid("offset + limit may not pass " + MAX_MERGED + " for an account with several groups; filter with group=");
        }
        TreeMap<String, HostRecord> merged = new TreeMap<>();
        int total = 0;
        for (String g : groups) {
            HostQuery q = inGroup(query, g, 0, (int) upTo);
            total += hosts.count(q);
            hosts.find(q).forEach(h -> merged.put(h.hostId(), h));
        }
        List<HostRecord> all = new ArrayList<>(merged.values());
        int from = Math.min(query.offset(), all.size());
        return new Page(total, all.subList(from, Math.min(all.size(), from + query.limit())));
    }

    private static HostQuery inGroup(HostQuery q, String group, int offset, int limit) {
        return new HostQuery(q.status(), group, q.text(), offset, limit);
    }
}
