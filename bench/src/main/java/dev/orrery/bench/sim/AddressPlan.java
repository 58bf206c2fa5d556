package dev.orrery.bench.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a simulated fleet is spread: over child processes (each below the 20,000 open files a
 * process may hold), and over loopback source addresses {@code 127.1.x.y} (so that no source
 * address needs more ephemeral ports than the kernel's ~28,000, with room for the short
 * registration connections and their TIME_WAIT). Host ids are {@code sim-000001}, ...
 */
public final class AddressPlan {
    /** Agents sharing one source address: one long connection each, plus registrations and their TIME_WAIT on retries. */
    public static final int DEFAULT_PER_ADDRESS = 1000;
    /** Most agents one simulator process holds (plus their registrations, below 20,000 files). */
    public static final int DEFAULT_PER_PROCESS = 15000;

    /**
     * One child process's share.
     *
     * @param first index of its first agent (from 0)
     * @param count how many agents
     */
    public record Range(int first, int count) {
    }

    private AddressPlan() {
    }

    /** @return the host id of the agent with this global index */
    public static String hostId(int index) {
        return String.format("sim-%06d", index + 1);
    }

    /**
     * @param k the address number, from 0
     * @return {@code 127.1.(k / 254).(k % 254 + 1)}: never a network or broadcast-looking address
     */
    public static InetAddress address(int k) {
        if (k < 0 || k >= 254 * 256) {
            throw new IllegalArgumentException("address number out of range: " + k);
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, 1, (byte) (k / 254), (byte) (k % 254 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }

    /** @return the source address of the agent with this global index */
    public static InetAddress sourceOf(int index, int perAddress) {
        return address(index / perAddress);
    }

    /**
     * @param agents how many agents in all
     * @param perProcess most agents in one process
     * @return the processes' shares, as even as possible, covering {@code 0..agents-1} in order
     */
    public static List<Range> split(int agents, int perProcess) {
        if (agents < 1 || perProcess < 1) {
            throw new IllegalArgumentException("need at least one agent and one agent per process");
        }
        int processes = (agents + perProcess - 1) / perProcess;
        List<Range> ranges = new ArrayList<>();
        int first = 0;
        for (int p = 0; p < processes; p++) {
            int count = agents / processes + (p < agents % processes ? 1 : 0);
            ranges.add(new Range(first, count));
            first += count;
        }
        return ranges;
    }
}
