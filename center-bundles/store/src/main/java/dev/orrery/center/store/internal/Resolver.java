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
 * a name is first looked up as a host id (the primary key, and what API clients send most);
 * names that are no host id are then looked up by hostname, SN and IP in one statement. Groups
 * by group name. The secondary lookups name their index, so that a fleet where many hosts share
 * a value (no SN burnt in) never turns a lookup into a table scan.
 */
final class Resolver {
    private static final String BY_ID = "SELECT host_id, host_id FROM hosts WHERE host_id IN (%1$s)";
    private static final String BY_OTHER_NAMES = "SELECT hostname, host_id FROM hosts --DERBY-PROPERTIES index = hosts_hostname\n"
            + " WHERE hostname IN (%1$s)"
            + " UNION ALL SELECT sn, host_id FROM hosts --DERBY-PROPERTIES index = hosts_sn\n WHERE sn IN (%1$s)"
            + " UNION ALL SELECT ip, host_id FROM host_ips --DERBY-PROPERTIES index = host_ips_ip\n WHERE ip IN (%1$s)";
    private static final int OTHER_LOOKUPS = 3;
    private static final String BY_GROUP = "SELECT group_name, host_id FROM host_groups WHERE group_name IN (%1$s)";

    private Resolver() {
    }

    static Resolution resolve(Connection c, Collection<String> names, Collection<String> groups) throws SQLException {
        List<String> wantedNames = distinct(names);
        Map<String, Set<String>> matches = lookup(c, wantedNames, BY_ID, 1);
        List<String> others = wantedNames.stream().filter(n -> !matches.containsKey(n)).toList();
        matches.putAll(lookup(c, others, BY_OTHER_NAMES, OTHER_LOOKUPS));
        Set<String> hostIds = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        collect(wantedNames, matches, hostIds, unknown);
        List<String> wantedGroups = distinct(groups);
        collect(wantedGroups, lookup(c, wantedGroups, BY_GROUP, 1), hostIds, unknown);
        return new Resolution(new ArrayList<>(hostIds), new ArrayList<>(unknown));
    }

    private static List<String> distinct(Collection<String> given) {
        return given.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** @return each value that matched, with the host ids it matched */
    private static Map<String, Set<String>> lookup(Connection c, List<String> values, String query, int lookups)
            throws SQLException {
        Map<String, Set<String>> matches = new HashMap<>();
        for (List<String> chunk : Sql.chunks(values)) {
            try (PreparedStatement ps = c.prepareStatement(String.format(query, Sql.marks(chunk.size())))) {
                for (int k = 0; k < lookups; k++) {
                    Sql.bind(ps, 1 + k * chunk.size(), chunk);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        matches.computeIfAbsent(rs.getString(1), v -> new TreeSet<>()).add(rs.getString(2));
                    }
                }
            }
        }
        return matches;
    }

    private static void collect(List<String> wanted, Map<String, Set<String>> matches, Set<String> hostIds, Set<String> unknown) {
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
