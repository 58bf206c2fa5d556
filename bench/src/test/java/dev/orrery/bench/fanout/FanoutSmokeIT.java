package dev.orrery.bench.fanout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fan-out bench end to end, small: a real center and two real channels (the built
 * distributions), 200 simulated agents, one command to all, every result checked, the baseline
 * run, the last line well-formed, and no process left behind. Keeps the harness working; the big
 * runs are not part of the test suite.
 */
class FanoutSmokeIT {
    @Test
    void twoHundredAgentsAnswerThroughTwoChannels() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(captured, System.out), true, StandardCharsets.UTF_8);
        FanoutCommand bench = new FanoutCommand();
        int rc = bench.run(List.of("--agents", "200", "--channels", "2",
                "--center-tgz", required("orrery.center.tgz"), "--channel-tgz", required("orrery.channel.tgz"),
                "--work", Path.of("target", "fanout-smoke").toAbsolutePath().toString(),
                "--center-heap", "512m", "--channel-heap", "256m", "--jvm-opts", "-XX:TieredStopAtLevel=1",
                "--no-heap", "--timeout", "80"), out);

        String text = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        assertTrue(text.contains("results: 200 SUCCEEDED, 200 read back with exit 0"), text);
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1];
        assertEquals(last, bench.lastLine());
        assertTrue(last.matches(FanoutFiguresTest.LAST_LINE), last);
        assertTrue(last.startsWith("fanout agents=200 channels=2 "), last);
        await("every process the bench started has ended").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through mvn verify)");
        }
        return value;
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
