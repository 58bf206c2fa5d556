package dev.orrery.agent.hostinfo.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the identity of the machine from the operating system. Every source is injectable so
 * tests do not depend on the machine they run on. Stateless; thread-safe.
 */
final class HostProbe {
    /** Values firmware vendors leave in the DMI serial when there is no real one. */
    private static final Set<String> PLACEHOLDER_SERIALS = Set.of("", "0", "none", "not specified", "not applicable",
            "to be filled by o.e.m.", "system serial number", "default string", "chassis serial number", "123456789");

    private final Path kernelHostname;
    private final Path etcHostname;
    private final Path dmiSerial;
    private final Path machineId;
    private final Supplier<List<String>> addresses;

    /**
     * @param kernelHostname the live host name, normally {@code /proc/sys/kernel/hostname}
     * @param etcHostname the configured host name, normally {@code /etc/hostname}
     * @param dmiSerial the firmware serial, normally {@code /sys/class/dmi/id/product_serial}
     * @param machineId the installation id, normally {@code /etc/machine-id}
     * @param addresses the non-loopback addresses of the interfaces that are up, primary first
     */
    HostProbe(Path kernelHostname, Path etcHostname, Path dmiSerial, Path machineId, Supplier<List<String>> addresses) {
        this.kernelHostname = kernelHostname;
        this.etcHostname = etcHostname;
        this.dmiSerial = dmiSerial;
        this.machineId = machineId;
        this.addresses = addresses;
    }

    /** @return a probe of this machine */
    static HostProbe system() {
        return new HostProbe(Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname"),
                Path.of("/sys/class/dmi/id/product_serial"), Path.of("/etc/machine-id"), Interfaces::upAddresses);
    }

    /** @return the host name: kernel, then {@code /etc/hostname}, then the JDK, then {@code localhost} */
    String hostname() {
        return firstLine(kernelHostname).or(() -> firstLine(etcHostname)).or(HostProbe::jdkHostname).orElse("localhost");
    }

    /** @return the addresses, primary first; {@code 127.0.0.1} when there is none */
    List<String> ips() {
        List<String> found = addresses.get();
        return found == null || found.isEmpty() ? List.of("127.0.0.1") : List.copyOf(found);
    }

    /**
     * @param hostname the host name, the last fallback
     * @return the DMI serial if readable and real, else the machine id, else the host name
     */
    String sn(String hostname) {
        return firstLine(dmiSerial)
                .filter(s -> !PLACEHOLDER_SERIALS.contains(s.toLowerCase(Locale.ROOT)))
                .or(() -> firstLine(machineId))
                .orElse(hostname);
    }

    /**
     * @param hostname a host name
     * @return whether it is a name many machines share (so unfit as a host id)
     */
    static boolean isGeneric(String hostname) {
        String h = hostname.toLowerCase(Locale.ROOT);
        return h.isEmpty() || h.equals("(none)") || h.startsWith("localhost");
    }

    private static Optional<String> firstLine(Path file) {
        try {
            if (file == null || !Files.isReadable(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int nl = text.indexOf('\n');
            String line = (nl < 0 ? text : text.substring(0, nl)).strip();
            return line.isEmpty() ? Optional.empty() : Optional.of(line);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable (e.g. DMI serial for non-root): try the next source
        }
    }

    private static Optional<String> jdkHostname() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName()).filter(h -> !h.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
