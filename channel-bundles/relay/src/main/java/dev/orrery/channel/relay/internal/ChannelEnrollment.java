package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Backoff;
import dev.orrery.tls.Enroller;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsIdentity;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's TLS identity: the saved one at once, or one enrolled at the center (on the
 * scheduler thread, retrying with backoff from 1 s to 30 s while the center is away or refuses).
 * The id is fixed before binding: {@code channelId}, or {@code <hostname>:<configured port>}.
 */
final class ChannelEnrollment {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelEnrollment.class);

    /** What runs once the identity is known. */
    @FunctionalInterface
    interface Then {
        void start(TlsIdentity identity, String id) throws IOException;
    }

    private final ChannelSettings settings;
    private final Enroller enroller;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff = new Backoff(1_000, 30_000);
    private final String id;

    ChannelEnrollment(ChannelSettings settings, ChannelTls tls, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.enroller = new Enroller(tls.enroll());
        this.scheduler = scheduler;
        this.id = settings.resolvedChannelId(settings.port());
    }

    /** Runs {@code then} now with the saved identity, or later with an enrolled one. */
    void identity(Then then) throws IOException {
        Optional<TlsIdentity> saved = enroller.saved(PeerRole.CHANNEL, id);
        if (saved.isPresent()) {
            then.start(saved.get(), id);
        } else {
            scheduler.execute(() -> enroll(then));
        }
    }

    private void enroll(Then then) {
        try {
            then.start(enroller.identity(settings.centerHost(), settings.centerPort(), PeerRole.CHANNEL, id,
                    settings.maxFrameBytes()), id);
        } catch (IOException e) {
            long delay = backoff.next();
            LOG.warn("Channel {} cannot start with TLS (enrolling at the center {}:{}): {}; retrying in {} ms", id,
                    settings.centerHost(), settings.centerPort(), e.getMessage(), delay);
            try {
                scheduler.schedule(() -> enroll(then), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the channel is stopping
            }
        }
    }
}
