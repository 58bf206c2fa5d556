package dev.orrery.center.link.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.link.internal.Balance.Load;
import dev.orrery.center.link.internal.Balance.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalanceTest {
    private static final Function<String, String> NO_IDC = h -> null;

    private static Load load(String id, String idc, int agents) {
        return new Load(id, idc, id + ":7710", IntStream.range(0, agents).mapToObj(i -> id + "-h" + i).toList());
    }

    private static List<Order> plan(Function<String, String> idcOf, Load... loads) {
        return Balance.plan(List.of(loads), idcOf, 0.10);
    }

    @Test
    void aRestartedPairSplitsItsAgentsAgain() {
        List<Order> orders = plan(NO_IDC, load("a", "x", 10_000), load("b", "x", 0));
        assertEquals(1, orders.size());
        Order o = orders.get(0);
        assertEquals("a", o.channelId());
        assertEquals(5_000, o.shed().count());
        assertTrue(o.shed().hostIds().isEmpty());
        assertEquals(List.of("b:7710"), o.shed().targets().stream().distinct().toList());
    }

    @Test
    void withinTenPercentOfTheMeanNothingMoves() {
        assertEquals(List.of(), plan(NO_IDC, load("a", "x", 109), load("b", "x", 100), load("c", "x", 92)));
        assertEquals(List.of(), plan(NO_IDC, load("a", "x", 3), load("b", "x", 2)), "one agent over ceil(mean) is noise");
        assertEquals(List.of(), plan(NO_IDC, load("a", "x", 500)), "a cluster of one has nothing to balance");
    }

    @Test
    void justOverTheToleranceShedsDownToTheMean() {
        List<Order> orders = plan(NO_IDC, load("a", "x", 112), load("b", "x", 88), load("c", "x", 100));
        assertEquals(1, orders.size());
        assertEquals(12, orders.get(0).shed().count());
        assertEquals(List.of("b:7710"), orders.get(0).shed().targets().stream().distinct().toList());
    }

    @Test
    void anEmptyChannelIsFilledEvenWhenNoneIsOverTheUpperBound() {
        List<Order> orders = plan(NO_IDC, load("a", "x", 108), load("b", "x", 108), load("c", "x", 108), load("d", "x", 76));
        assertEquals(24, orders.stream().mapToInt(o -> o.shed().count()).sum());
        orders.forEach(o -> assertEquals(List.of("d:7710"), o.shed().targets().stream().distinct().toList()));
    }

    @Test
    void targetsAreWeightedByTheirRoom() {
        List<String> list = Balance.weighted(new LinkedHashMap<>(Map.of("p", 300, "q", 100)));
        assertEquals(Balance.MAX_TARGETS, list.size());
        assertEquals(48, list.stream().filter("p"::equals).count());
        assertEquals(1, list.subList(0, 4).stream().filter("q"::equals).count(), "interleaved, not in blocks: " + list);
    }

    @Test
    void clustersAreBalancedSeparately() {
        List<Order> orders = plan(NO_IDC, load("a", "x", 100), load("b", "x", 100), load("c", "y", 300), load("d", "y", 100));
        assertEquals(1, orders.size());
        assertEquals("c", orders.get(0).channelId());
        assertEquals("y", orders.get(0).idc());
        assertEquals(100, orders.get(0).shed().count());
        assertEquals(List.of("d:7710"), orders.get(0).shed().targets().stream().distinct().toList());
    }

    @Test
    void borrowedAgentsGoBackWhenTheirIdcHasAHealthyChannel() {
        Load lender = new Load("a", "x", "a:7710", List.of("x1", "x2", "y1", "y2", "z1"));
        Map<String, String> idcs = Map.of("x1", "x", "x2", "x", "y1", "y", "y2", "y", "z1", "z");
        List<Order> none = Balance.plan(List.of(lender), idcs::get, 0.1);
        assertEquals(List.of(), none, "while y and z have no healthy channel, a keeps their agents");

        List<Order> back = Balance.plan(List.of(lender, load("c", "y", 0)), idcs::get, 0.1);
        assertEquals(1, back.size());
        Order o = back.get(0);
        assertTrue(o.giveBack());
        assertEquals("a", o.channelId());
        assertEquals(List.of("y1", "y2"), o.shed().hostIds());
        assertEquals(List.of("c:7710"), o.shed().targets());
    }

    @Test
    void aChannelGivingBackIsNotAlsoAskedToBalance() {
        Map<String, String> idcs = new HashMap<>();
        Load a = load("a", "x", 40);
        a.hostIds().subList(0, 5).forEach(h -> idcs.put(h, "y"));
        List<Order> orders = Balance.plan(List.of(a, load("b", "x", 0), load("c", "y", 0)), idcs::get, 0.1);
        assertEquals(1, orders.size());
        assertTrue(orders.get(0).giveBack());
    }

    /** Applies the plan as if every agent were idle and moved at once; the goal holds after few rounds. */
    @Test
    void repeatedRoundsReachTheToleranceFromAnyStart() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(8);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                counts.put("c" + i, random.nextInt(5) == 0 ? 0 : random.nextInt(3_000));
            }
            counts.put("c0", 5_000 + random.nextInt(10_000)); // a survivor holding the agents of a dead peer
            int rounds = 0;
            while (!balanced(counts) && rounds < 5) {
                List<Order> orders = Balance.plan(loads(counts), NO_IDC, 0.1);
                for (Order o : orders) {
                    counts.merge(o.channelId(), -o.shed().count(), Integer::sum);
                    List<String> t = o.shed().targets();
                    for (int k = 0; k < o.shed().count(); k++) {
                        counts.merge(t.get(k % t.size()).replace(":7710", ""), 1, Integer::sum);
                    }
                }
                rounds++;
            }
            assertTrue(balanced(counts), "not balanced after " + rounds + " rounds: " + counts);
            assertTrue(rounds <= 3, "took " + rounds + " rounds: " + counts);
        }
    }

    private static List<Load> loads(Map<String, Integer> counts) {
        List<Load> out = new ArrayList<>();
        counts.forEach((id, c) -> out.add(load(id, "x", c)));
        return out;
    }

    private static boolean balanced(Map<String, Integer> counts) {
        double mean = counts.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        // integer granularity: within 10% or within one agent of the mean
        return counts.values().stream().allMatch(c -> Math.abs(c - mean) <= Math.max(0.1 * mean, 1));
    }

    @Test
    void summaryOfTheRestartCase() {
        // two channels of 5,000 agents each became one of 10,000 plus a restarted empty one
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("a", 10_000, "b", 0));
        Balance.plan(loads(counts), NO_IDC, 0.1).forEach(o -> counts.merge(o.channelId(), -o.shed().count(), Integer::sum));
        assertEquals(5_000, counts.get("a"));
    }
}
