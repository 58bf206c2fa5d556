package dev.orrery.itests;

import static org.awaitility.Awaitility.await;

import dev.orrery.bench.karaf.KarafProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * TLS is on by default (docs/tls.md): a center writes its CA certificate and default enrollment tokens to
 * {@code data/orrery} at first start; a channel or agent of another Karaf enrolls with copies in its own
 * {@code data/orrery}, where it looks for them by default.
 */
final class Enrollment {
    private static final List<String> FILES = List.of("ca.pem", "enroll-agent.token", "enroll-channel.token");

    private Enrollment() {
    }

    /** Waits until the center (or all-in-one) has written its CA and tokens. */
    static void awaitFiles(KarafProcess center, Duration atMost, BooleanSupplier alive) {
        Path from = center.home().resolve("data").resolve("orrery");
        await("center CA and enrollment tokens").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> alive.getAsBoolean() && FILES.stream().allMatch(f -> Files.isRegularFile(from.resolve(f))));
    }

    /** Copies the CA and the {@code kind} (agent or channel) token of {@code center} into {@code member}'s data folder. */
    static void give(KarafProcess center, KarafProcess member, String kind) throws IOException {
        Path from = center.home().resolve("data").resolve("orrery");
        Path to = Files.createDirectories(member.home().resolve("data").resolve("orrery"));
        for (String f : List.of("ca.pem", "enroll-" + kind + ".token")) {
            Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
