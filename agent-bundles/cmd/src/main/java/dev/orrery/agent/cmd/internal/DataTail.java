package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a command's spooled standard output ({@code SPOOL/out}) and publishes each complete
 * line to a {@link DataChannel} topic as it is written (task parameter {@value DataChannel#TOPIC_PARAM}).
 * The number of bytes published so far is kept in {@code SPOOL/out.sent}, written after each
 * batch, so a re-attach after an agent restart continues where it was: only a {@code kill -9}
 * between a publish and that write can repeat the lines of one poll. A complete line is one
 * record (the channel cuts it at {@link DataChannel#MAX_RECORD_BYTES}); output that runs on
 * without a line break is published in pieces of that size as it grows; the last line,
 * without its line break, is published when the command has ended. Used by one thread at a time.
 */
final class DataTail {
    private static final Logger LOG = LoggerFactory.getLogger(DataTail.class);
    private static final String SENT = "out.sent";
    private static final int CHUNK = 64 * 1024;

    private final Spool spool;
    private final String topic;
    private final Supplier<DataChannel> channel;
    private long offset = -1;
    private boolean broken;

    /**
     * @param spool the command's spool
     * @param topic a valid topic
     * @param channel the data channel, {@code null} while the agent core provides none
     */
    DataTail(Spool spool, String topic, Supplier<DataChannel> channel) {
        this.spool = spool;
        this.topic = topic;
        this.channel = channel;
    }

    /**
     * @param req a task
     * @param channel the data channel
     * @return {@code BAD_TASK} for an invalid {@value DataChannel#TOPIC_PARAM}, else {@code null}
     */
    static TaskOutcome check(TaskRequest req, Supplier<DataChannel> channel) {
        String topic = req.params().get(DataChannel.TOPIC_PARAM);
        if (topic == null) {
            return null;
        }
        if (!DataChannel.validTopic(topic)) {
            return TaskOutcome.failed(ErrorCode.BAD_TASK, DataChannel.TOPIC_PARAM + " '" + topic
                    + "' is not a valid topic (1-128 of letters, digits, . _ -, starting with a letter or digit)");
        }
        if (channel.get() == null) {
            LOG.warn("Task {} names data topic {} but the agent has no data channel: its lines are not published",
                    req.taskId(), topic);
        }
        return null;
    }

    /** Publishes the complete lines written since the last call; quiet on failure. */
    void poll() {
        drain(false);
    }

    /**
     * Publishes everything left, the last partial line included when {@code ended}.
     *
     * @param ended whether the command has ended (false: the agent is stopping; the rest is
     *     published after the re-attach)
     */
    void finish(boolean ended) {
        if (ended) {
            drain(true);
        }
        // else: every poll already recorded what it published, and the thread is interrupted (its file
        // channels would close at once); the re-attach publishes the rest
    }

    private void drain(boolean all) {
        DataChannel dc = channel.get();
        if (broken || dc == null) {
            return;
        }
        try {
            if (offset < 0) {
                offset = readOffset();
            }
            long start = offset;
            while (step(dc, all)) {
                // until nothing more to publish
            }
            if (offset != start) {
                writeOffset();
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
            LOG.warn("Stopped publishing the output of {} to topic {}: {}", spool.dir().getFileName(), topic, e.toString());
        }
    }

    /** @return whether something was published */
    private boolean step(DataChannel dc, boolean all) throws IOException {
        byte[] buf;
        try (FileChannel in = FileChannel.open(spool.dir().resolve("out"), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(CHUNK);
            in.position(offset);
            int n = in.read(b);
            if (n <= 0) {
                return false;
            }
            buf = Arrays.copyOf(b.array(), n);
        } catch (NoSuchFileException e) {
            return false;
        }
        int from = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] == '\n') {
                publish(dc, buf, from, i);
                from = i + 1;
            }
        }
        int rest = buf.length - from;
        if (rest >= DataChannel.MAX_RECORD_BYTES || (all && rest > 0 && buf.length < CHUNK)) {
            int end = from + Math.min(rest, DataChannel.MAX_RECORD_BYTES);
            publish(dc, buf, from, end);
            from = end;
        }
        offset += from;
        return from > 0;
    }

    private void publish(DataChannel dc, byte[] buf, int from, int to) {
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        dc.publish(topic, Arrays.copyOfRange(buf, from, end));
    }

    private long readOffset() {
        try {
            return Long.parseLong(Files.readString(spool.dir().resolve(SENT), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void writeOffset() throws IOException {
        Path tmp = spool.dir().resolve(SENT + ".tmp");
        Files.writeString(tmp, Long.toString(offset), StandardCharsets.US_ASCII);
        Files.move(tmp, spool.dir().resolve(SENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
