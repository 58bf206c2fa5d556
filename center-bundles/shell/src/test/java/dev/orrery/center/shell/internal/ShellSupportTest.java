package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostTaskRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class ShellSupportTest {

    /** Knows hosts h-0.. by id only. */
    static final class NamesOnly implements HostStore {
        @Override
        public void register(HostRecord host) {
        }

        @Override
        public List<String> channelReport(String channelId, Collection<String> hostIds, long now) {
            return List.of();
        }

        @Override
        public void channelLost(String channelId) {
        }

        @Override
        public Optional<HostRecord> get(String hostId) {
            return Optional.of(new HostRecord(hostId, "name-" + hostId, List.of(), null, null, null, HostStatus.ONLINE, List.of(),
                    Map.of(), 0));
        }

        @Override
        public List<HostRecord> find(HostQuery query) {
            return List.of();
        }

        @Override
        public int count(HostQuery query) {
            return 0;
        }

        @Override
        public Resolution resolve(Collection<String> names, Collection<String> groups) {
            return new Resolution(List.of(), List.of());
        }
    }

    private static String printed(FakeTaskService tasks, int total, int limit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ShellSupport.printResults(new PrintStream(bytes, true, StandardCharsets.UTF_8), tasks, new NamesOnly(), "t", total, limit);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static FakeTaskService withResults(int n) {
        FakeTaskService tasks = new FakeTaskService();
        tasks.results.put("t", IntStream.range(0, n).mapToObj(i ->
                new HostTaskRecord("t", "h-" + i, HostTaskState.SUCCEEDED, 0, "out " + i, "", false, null, null, "c", 0)).toList());
        return tasks;
    }

    @Test
    void printsAtMostTheLimitAndSaysHowManyWereLeftOut() {
        String out = printed(withResults(3), 3, 2);
        assertTrue(out.contains("name-h-0") && out.contains("name-h-1"), out);
        assertTrue(!out.contains("name-h-2"), out);
        assertTrue(out.contains("(showing 2 of 3 hosts; see orrery:task t --limit N)"), out);
    }

    @Test
    void stopsPagingWhenAPageComesBackShort() {
        String out = printed(withResults(2), 2, 200);
        assertEquals(2, out.lines().filter(l -> l.contains("SUCCEEDED")).count(), out);
        assertTrue(!out.contains("showing"), out);
    }

    @Test
    void failuresShowTheCodeAndNameEachOffendingValueOnce() {
        CommandException named = ShellSupport.failure(new OrreryException(ErrorCode.UNKNOWN_TARGET, "unknown targets: a, b",
                List.of("a", "b")));
        assertEquals("UNKNOWN_TARGET: unknown targets: a, b", named.getMessage());
        CommandException listed = ShellSupport.failure(new OrreryException(ErrorCode.UNKNOWN_TARGET, "2 unknown targets",
                List.of("a", "b")));
        assertEquals("UNKNOWN_TARGET: 2 unknown targets [a, b]", listed.getMessage());
    }

    @Test
    void statusOptionIsCheckedAndCaseInsensitive() throws Exception {
        assertEquals(HostStatus.ONLINE, HostsCommand.parseStatus("online"));
        assertEquals(null, HostsCommand.parseStatus(null));
        assertThrows(CommandException.class, () -> HostsCommand.parseStatus("asleep"));
    }
}
