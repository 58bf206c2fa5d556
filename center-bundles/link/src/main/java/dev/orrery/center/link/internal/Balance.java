package dev.orrery.center.link.internal;

import dev.orrery.protocol.Message.Shed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decides which channels shed agents, as a pure function of the healthy channels' latest
 * reports. Two rules, at most one {@link Shed} per channel per round:
 * <ol>
 * <li><b>Give back.</b> A channel holding agents of another datacenter (borrowed while that IDC
 * had no healthy channel) sheds them by host id towards their own IDC's channels once it has
 * some (the largest such group first; the rest in later rounds).</li>
 * <li><b>Balance.</b> In each IDC cluster, with {@code mean = agents / channels}, if any channel
 * lies outside {@code mean * (1 ± tolerance)}: every channel above the upper bound sheds down to
 * {@code ceil(mean)}; if that does not fill the channels below the lower bound, the next most
 * loaded channels above {@code ceil(mean)} shed too. The moved agents go to channels below the
 * mean, matched greedily by deficit; a target repeated in a shed's list is weighted.</li>
 * </ol>
 */
final class Balance {
    /** Longest targets list in one shed; weights are scaled down to fit. */
    static final int MAX_TARGETS = 64;

    /** One healthy channel's latest report. */
    record Load(String channelId, String idc, String address, List<String> hostIds) {
        int agents() {
            return hostIds.size();
        }
    }

    /** A shed to send to a channel. */
    record Order(String channelId, String idc, Shed shed, boolean giveBack) {
    }

    private Balance() {
    }

    /**
     * @param healthy the healthy channels
     * @param idcOfHost a host's datacenter, or {@code null} if unknown
     * @param tolerance allowed relative distance from the mean, e.g. 0.10
     * @return the sheds to send, give-backs first
     */
    static List<Order> plan(List<Load> healthy, Function<String, String> idcOfHost, double tolerance) {
        Map<String, List<Load>> byIdc = new TreeMap<>();
        healthy.forEach(l -> byIdc.computeIfAbsent(l.idc(), k -> new ArrayList<>()).add(l));
        List<Order> orders = new ArrayList<>(giveBack(healthy, byIdc, idcOfHost));
        List<String> busy = orders.stream().map(Order::channelId).toList();
        byIdc.forEach((idc, cluster) -> orders.addAll(balance(idc, cluster, busy, tolerance)));
        return orders;
    }

    private static List<Order> giveBack(List<Load> healthy, Map<String, List<Load>> byIdc, Function<String, String> idcOf) {
        List<Order> out = new ArrayList<>();
        Map<String, List<String>> homes = new HashMap<>();
        byIdc.forEach((idc, cluster) -> homes.put(idc, addresses(cluster)));
        for (Load c : healthy) {
            Map<String, List<String>> foreign = new TreeMap<>();
            for (String h : c.hostIds()) {
                String home = idcOf.apply(h);
                if (home != null && !home.equals(c.idc()) && !homes.getOrDefault(home, List.of()).isEmpty()) {
                    foreign.computeIfAbsent(home, k -> new ArrayList<>()).add(h);
                }
            }
            foreign.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size())).ifPresent(e -> out.add(
                    new Order(c.channelId(), c.idc(), new Shed(e.getValue().size(), e.getValue(), homes.get(e.getKey()),
                            "returning agents to their own idc " + e.getKey()), true)));
        }
        return out;
    }

    private static List<Order> balance(String idc, List<Load> cluster, List<String> busy, double tolerance) {
        int total = cluster.stream().mapToInt(Load::agents).sum();
        double mean = total / (double) cluster.size();
        double upper = mean * (1 + tolerance);
        double lower = mean * (1 - tolerance);
        if (cluster.size() < 2 || cluster.stream().allMatch(c -> c.agents() >= lower && c.agents() <= upper)) {
            return List.of();
        }
        int ceil = (int) Math.ceil(mean);
        int floor = (int) Math.floor(mean);
        List<Load> sorted = new ArrayList<>(cluster);
        sorted.sort(Comparator.comparingInt(Load::agents).reversed().thenComparing(Load::channelId));
        int needed = cluster.stream().filter(c -> c.agents() < lower).mapToInt(c -> floor - c.agents()).sum();
        Map<Load, Integer> excess = new LinkedHashMap<>();
        int offered = 0;
        for (Load c : sorted) {
            int e = c.agents() - ceil;
            if (e > 0 && !busy.contains(c.channelId()) && (c.agents() > upper || offered < needed)) {
                excess.put(c, e);
                offered += e;
            }
        }
        Map<String, Integer> deficit = new LinkedHashMap<>();
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Load c = sorted.get(i);
            if (c.agents() < floor && !c.address().isEmpty()) {
                deficit.put(c.address(), floor - c.agents());
            }
        }
        List<Order> out = new ArrayList<>();
        excess.forEach((c, e) -> {
            Map<String, Integer> share = take(deficit, e);
            if (!share.isEmpty()) {
                out.add(new Order(c.channelId(), idc, new Shed(e, List.of(), weighted(share), String.format(
                        "balancing idc %s: %d agents over %d channels, mean %.1f", idc, total, cluster.size(), mean)), false));
            }
        });
        return out;
    }

    /** Takes up to {@code n} agents' worth of room from the deficits, largest first. */
    private static Map<String, Integer> take(Map<String, Integer> deficit, int n) {
        Map<String, Integer> share = new LinkedHashMap<>();
        List<Map.Entry<String, Integer>> order = new ArrayList<>(deficit.entrySet());
        order.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        int left = n;
        for (Map.Entry<String, Integer> d : order) {
            if (left == 0) {
                break;
            }
            int k = Math.min(left, d.getValue());
            if (k > 0) {
                share.put(d.getKey(), k);
                deficit.put(d.getKey(), d.getValue() - k);
                left -= k;
            }
        }
        return share;
    }

    /** An interleaved list in which each address appears in proportion to its share, at most {@link #MAX_TARGETS} long. */
    static List<String> weighted(Map<String, Integer> share) {
        int sum = share.values().stream().mapToInt(Integer::intValue).sum();
        int length = Math.max(share.size(), Math.min(sum, MAX_TARGETS));
        Map<String, Integer> given = new HashMap<>();
        List<String> out = new ArrayList<>(length);
        for (int k = 1; k <= length; k++) {
            String best = null;
            double lag = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Integer> e : share.entrySet()) {
                double due = e.getValue() * (double) k / sum - given.getOrDefault(e.getKey(), 0);
                if (due > lag) {
                    lag = due;
                    best = e.getKey();
                }
            }
            given.merge(best, 1, Integer::sum);
            out.add(best);
        }
        return out;
    }

    private static List<String> addresses(List<Load> cluster) {
        return cluster.stream().sorted(Comparator.comparingInt(Load::agents)).map(Load::address).filter(a -> !a.isEmpty())
                .distinct().toList();
    }
}
