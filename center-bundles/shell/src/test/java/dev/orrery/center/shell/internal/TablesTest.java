package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostTaskRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

class TablesTest {
    static final HostRecord WEB = new HostRecord("h-1", "web-1", List.of("10.0.0.1"), "SN1", "idc1", "ch-1", HostStatus.ONLINE,
            List.of("demo", "web"), Map.of(), 1);
    static final HostRecord DB = new HostRecord("h-2", "db-1", List.of(), "SN2", "idc2", null, HostStatus.OFFLINE, List.of(), Map.of(), 1);

    /** Prints the table as the console does, then reduces each line to its trimmed cells joined by tabs. */
    private static String print(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.forceAscii().print(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        StringBuilder cells = new StringBuilder();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.matches("[-+ ]*")) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            for (int i = 0; i < parts.length; i++) {
                cells.append(i == 0 ? "" : "\t").append(parts[i].trim());
            }
            cells.append('\n');
        }
        return cells.toString();
    }

    @Test
    void hostsTableHasTheColumnsAndValues() {
        String out = print(Tables.hosts(List.of(WEB, DB)));
        String[] lines = out.split("\n");
        assertEquals("hostId\thostname\tip\tidc\tchannel\tstatus\tgroups", lines[0]);
        assertEquals("h-1\tweb-1\t10.0.0.1\tidc1\tch-1\tONLINE\tdemo,web", lines[1]);
        assertEquals("h-2\tdb-1\t\tidc2\t\tOFFLINE\t", lines[2]);
    }

    @Test
    void resultsTableShowsHostStateExitAndOutput() {
        List<HostTaskRecord> results = List.of(
                new HostTaskRecord("t", "h-1", HostTaskState.SUCCEEDED, 0, "Linux\n", "", false, null, null, "c", 1),
                new HostTaskRecord("t", "h-2", HostTaskState.FAILED, null, "", "", false, ErrorCode.HOST_OFFLINE, "offline", null, 1));
        Function<String, Optional<HostRecord>> lookup = id -> Optional.ofNullable(Map.of("h-1", WEB, "h-2", DB).get(id));
        String out = print(Tables.results(results, HostNames.of(List.of("h-1", "h-2"), lookup)));
        assertEquals("host\tstate\texit\toutput\nweb-1\tSUCCEEDED\t0\tLinux\ndb-1\tFAILED\t\tHOST_OFFLINE: offline\n", out);
    }

    @Test
    void sharedHostnamesAreToldApartByHostId() {
        HostRecord a = new HostRecord("agent-a", "box", List.of(), null, null, null, HostStatus.ONLINE, List.of(), Map.of(), 1);
        HostRecord b = new HostRecord("agent-b", "box", List.of(), null, null, null, HostStatus.ONLINE, List.of(), Map.of(), 1);
        Function<String, Optional<HostRecord>> lookup = id -> Optional.ofNullable(Map.of("agent-a", a, "agent-b", b, "h-1", WEB).get(id));
        Function<String, String> names = HostNames.of(List.of("agent-a", "agent-b", "h-1", "gone"), lookup);
        assertEquals("box (agent-a)", names.apply("agent-a"));
        assertEquals("box (agent-b)", names.apply("agent-b"));
        assertEquals("web-1", names.apply("h-1"));
        assertEquals("gone", names.apply("gone"));
    }

    @Test
    void completerOffersIdsNamesAndGroups() {
        assertEquals("[db-1, group:demo, group:web, h-1, h-2, web-1]", HostCompleter.names(List.of(WEB, DB)).toString());
    }
}
