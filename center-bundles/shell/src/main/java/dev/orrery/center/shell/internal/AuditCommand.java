package dev.orrery.center.shell.internal;

import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.AuditRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code orrery:audit}: the newest audit records. */
@Service
@Command(scope = "orrery", name = "audit", description = "Lists the newest audit records (API calls and shell commands), newest first.")
public final class AuditCommand implements Action {
    private static final int DETAIL_CHARS = 60;

    @Option(name = "--limit", aliases = "-n", description = "Most records shown, 1 to 1000 (default 50)")
    int limit = 50;

    @Option(name = "--account", aliases = "-a", description = "Only this account: an API key id or a shell user")
    String account;

    @Option(name = "--since", aliases = "-s", description = "Only records at or after this time: epoch milliseconds or an ISO-8601 instant (2026-11-27T20:00:00Z)")
    String since;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        if (limit < 1 || limit > AuditLog.MAX_QUERY) {
            throw new CommandException("--limit must be 1 to " + AuditLog.MAX_QUERY);
        }
        List<AuditRecord> records = audit.query(limit, account == null || account.isBlank() ? null : account.trim(), since(since));
        table(records).print(out);
    }

    static ShellTable table(List<AuditRecord> records) {
        ShellTable table = new ShellTable().emptyTableText("no audit records");
        for (String column : List.of("seq", "time", "kind", "account", "source", "action", "outcome", "detail")) {
            table.column(column);
        }
        for (AuditRecord r : records) {
            var e = r.entry();
            String detail = e.targets().isEmpty() ? e.detail() : e.targets() + " " + e.detail();
            table.addRow().addContent(r.seq(), Instant.ofEpochMilli(e.at()).toString(), e.kind(), e.account(), e.source(), e.action(),
                    e.outcome(), oneLine(detail));
        }
        return table;
    }

    /**
     * @param value epoch ms, an ISO-8601 instant, or blank
     * @return epoch ms, or {@code null} when blank
     * @throws CommandException otherwise
     */
    static Long since(String value) throws CommandException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() <= 18 && v.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(v);
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new CommandException("--since must be epoch milliseconds or an ISO-8601 instant such as 2026-11-27T20:00:00Z");
        }
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > DETAIL_CHARS ? flat.substring(0, DETAIL_CHARS - 3) + "..." : flat;
    }
}
