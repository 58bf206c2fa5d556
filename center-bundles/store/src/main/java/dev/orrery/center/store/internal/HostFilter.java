package dev.orrery.center.store.internal;

import dev.orrery.center.store.HostQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a {@link HostQuery} over {@code hosts h}, and its arguments. */
final class HostFilter {
    private HostFilter() {
    }

    /**
     * @param q the query
     * @param args receives the arguments of the clause
     * @return the clause, empty for none
     */
    static String where(HostQuery q, List<Object> args) {
        List<String> terms = new ArrayList<>();
        if (q.status() != null) {
            terms.add("h.status = ?");
            args.add(q.status().name());
        }
        if (q.group() != null && !q.group().isEmpty()) {
            terms.add("EXISTS (SELECT 1 FROM host_groups g WHERE g.host_id = h.host_id AND g.group_name = ?)");
            args.add(q.group());
        }
        if (q.text() != null && !q.text().isEmpty()) {
            terms.add("(LOWER(h.host_id) LIKE ? ESCAPE '\\' OR LOWER(h.hostname) LIKE ? ESCAPE '\\' OR LOWER(h.sn) LIKE ? ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM host_ips i WHERE i.host_id = h.host_id AND LOWER(i.ip) LIKE ? ESCAPE '\\'))");
            String like = "%" + Sql.likeEscape(q.text().toLowerCase(java.util.Locale.ROOT)) + "%";
            for (int k = 0; k < 4; k++) {
                args.add(like);
            }
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    static int bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }
}
