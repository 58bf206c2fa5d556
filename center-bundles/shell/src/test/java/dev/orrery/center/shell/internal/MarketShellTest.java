package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketShellTest {
    private final FakeMarket market = new FakeMarket();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandSaysWhenTheMarketplaceIsNotRunning() {
        List<ThrowingRun> commands = List.of(o -> new MarketListCommand().run(o), o -> new MarketUploadCommand().run(o),
                o -> new MarketSubscribeCommand().run(o), o -> new MarketUnsubscribeCommand().run(o), o -> new MarketStatusCommand().run(o),
                o -> new MarketDeleteCommand().run(o));
        for (ThrowingRun c : commands) {
            CommandException e = assertThrows(CommandException.class, () -> c.run(out));
            assertEquals(MarketShell.NOT_RUNNING, e.getMessage());
        }
    }

    @Test
    void listShowsEveryPluginWithItsVersions() throws Exception {
        MarketListCommand c = new MarketListCommand();
        c.market = market;
        c.run(out);
        String[] lines = printed().split("\n");
        assertTrue(lines[0].matches("\\s*name\\s.*kind.*latest.*versions.*installed.*description\\s*"), lines[0]);
        assertTrue(lines[2].matches("\\s*disk-usage\\s.*script.*2\\.0\\.0.*2\\.0\\.0, 1\\.0\\.0.*4.*Disk usage report\\s*"), lines[2]);
    }

    @Test
    void uploadReadsTheFileAsTheShellUser(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("p.jar"), new byte[] {'P', 'K', 3, 4});
        MarketUploadCommand c = new MarketUploadCommand();
        c.market = market;
        c.file = jar.toString();
        c.run(out);
        assertArrayEquals(new byte[] {'P', 'K', 3, 4}, market.uploaded);
        assertTrue(market.calls.get(0).startsWith("upload shell:"), market.calls.toString());
        assertTrue(printed().startsWith("Uploaded disk-usage 2.0.0 (script, 1234 bytes, sha256 abab"), printed());

        c.file = dir.resolve("missing.jar").toString();
        assertTrue(assertThrows(CommandException.class, () -> c.run(out)).getMessage().startsWith("no file "));
        c.file = Files.write(dir.resolve("empty.jar"), new byte[0]).toString();
        assertEquals("PLUGIN_INVALID: not a jar", assertThrows(CommandException.class, () -> c.run(out)).getMessage());
    }

    @Test
    void subscribePassesTheOptionsAndPrintsTheRollout() throws Exception {
        MarketSubscribeCommand c = new MarketSubscribeCommand();
        c.market = market;
        c.group = "web";
        c.plugin = "disk-usage";
        c.batchSize = 5;
        c.maxFailures = 2;
        c.run(out);
        assertTrue(market.calls.get(0).startsWith("subscribe SubscriptionRequest[group=web, plugin=disk-usage, version=null, batchSize=5, "
                + "maxFailures=2, by=shell:"), market.calls.toString());
        assertTrue(printed().startsWith("Group web subscribed to disk-usage 2.0.0"), printed());
        assertTrue(printed().contains("web disk-usage 2.0.0: PAUSED (h-2 failed: PLUGIN_FAILED)"), printed());

        c.plugin = "nope";
        c.version = "1.0.0";
        assertEquals("NOT_FOUND: no plugin 'nope'", assertThrows(CommandException.class, () -> c.run(out)).getMessage());
        assertTrue(market.calls.get(1).contains("version=1.0.0, batchSize=5, maxFailures=2"), market.calls.toString());
    }

    @Test
    void statusPrintsALinePerSubscriptionThenItsHosts() throws Exception {
        MarketStatusCommand c = new MarketStatusCommand();
        c.market = market;
        c.run(out);
        String[] lines = printed().split("\n");
        assertEquals("web disk-usage 2.0.0: PAUSED (h-2 failed: PLUGIN_FAILED) - 3 host(s), 1 installed, 0 pending, 0 installing, 1 failed, "
                + "1 paused; batch 20, max failures 0, by shell:karaf", lines[0]);
        assertTrue(lines[1].matches("\\s*host\\s.*online.*desired.*actual.*state.*error\\s*"), lines[1]);
        assertTrue(lines[4].matches("\\s*h-2\\s.*yes.*2\\.0\\.0.*1\\.0\\.0.*FAILED.*PLUGIN_FAILED: disk-usage 2\\.0\\.0 failed to start\\s*"), lines[4]);
        assertTrue(lines[5].matches("\\s*h-3\\s.*no.*2\\.0\\.0\\s.*PAUSED.*"), lines[5]);

        bytes.reset();
        c.group = "db";
        c.run(out);
        assertEquals("no subscriptions for group db", printed().strip());
        assertEquals(List.of("subscriptions null", "subscriptions db"), market.calls);
    }

    @Test
    void unsubscribeAndDeleteNameWhatFailed() throws Exception {
        MarketUnsubscribeCommand u = new MarketUnsubscribeCommand();
        u.market = market;
        u.group = "web";
        u.plugin = "disk-usage";
        u.run(out);
        assertTrue(printed().startsWith("Group web unsubscribed from disk-usage"), printed());
        u.group = "db";
        assertTrue(assertThrows(CommandException.class, () -> u.run(out)).getMessage().startsWith("NOT_FOUND: group 'db'"));

        MarketDeleteCommand d = new MarketDeleteCommand();
        d.market = market;
        d.name = "disk-usage";
        d.version = "1.0.0";
        d.run(out);
        assertTrue(printed().contains("Deleted disk-usage 1.0.0"), printed());
        d.version = "2.0.0";
        assertEquals("CONFLICT: groups subscribe to disk-usage 2.0.0: web",
                assertThrows(CommandException.class, () -> d.run(out)).getMessage());
        assertTrue(market.calls.get(2).startsWith("delete disk-usage 1.0.0 shell:"), market.calls.toString());
    }

    /** A command's run. */
    private interface ThrowingRun {
        void run(PrintStream out) throws Exception;
    }
}
