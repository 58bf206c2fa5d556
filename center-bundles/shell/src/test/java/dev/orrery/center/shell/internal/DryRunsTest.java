package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostStatus;
import dev.orrery.center.proxy.Plan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunsTest {
    @Test
    void showsWhatWouldRunWhereAndThatNothingRan() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DryRuns.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Plan("cmd", Map.of("command", "uptime"),
                List.of(new Plan.Host("h-1", "web-1", HostStatus.ONLINE), new Plan.Host("h-2", "web-2", HostStatus.OFFLINE)), null));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("nothing was dispatched"), out);
        assertTrue(out.contains("on 2 hosts"), out);
        assertTrue(out.contains("command: uptime"), out);
        assertTrue(out.contains("web-1") && out.contains("ONLINE") && out.contains("h-2") && out.contains("OFFLINE"), out);
    }
}
