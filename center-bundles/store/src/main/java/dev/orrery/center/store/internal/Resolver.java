package dev.orrery.center.store.internal;

import dev.orrery.center.store.HostStore.Resolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves target names to host ids with indexed IN-list lookups, a chunk of names at a time:
 * by hostId, hostname, SN and IP for names, by group name for groups.
 */
final class Resolver {
    private static final String[] BY_NAME = {
        "SELECT host_id, host_id FROM hosts WHERE host_id IN (%s)",
        "SELECT hostname, host_id FROM hosts WHERE hostname IN (%s)",
        "SELECT sn, host_id FROM hosts WHERE sn IN (%s)",
        "SELECT ip, host_id FROM host_ips WHERE ip IN (%s)",
    };
    private static final String BY_GROUP = "SELECT group_name, host_id FROM host_groups WHERE group_name IN (%s)";

    private Resolver() {
    }

    static Resolution resolve(Connection c, Collection<String> names, Collection<String> groups) throws SQLException {
        Set<String> hostIds = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        collect(c, names, BY_NAME, hostIds, unknown);
        collect(c, groups, new String[] {BY_GROUP}, hostIds, unknown);
        return new Resolution(new ArrayList<>(hostIds), new ArrayList<>(unknown));
    }

    private static void collect(Connection c, Collection<String> given, String[] queries, Set<String> hostIds, Set<String> unknown)
            throws SQLException {
        List<String> wanted = given.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Set<String>> matches = new HashMap<>();
        for (List<String> chunk : Sql.chunks(wanted)) {
            for (String q : queries) {
                try (PreparedStatement ps = c.prepareStatement(String.format(q, Sql.marks(chunk.size())))) {
                    Sql.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            matches.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                        }
                    }
                }
            }
        }
        for (String name : wanted) {
            Set<String> found = matches.get(name);
            if (found == null) {
                unknown.add(name);
            } else {
                hostIds.addAll(found);
            }
        }
    }
}
