package dev.orrery.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of guard-cases.tsv: each line an expected verdict (a rule id or {@code allow}) and a
 * command. The commands are only parsed, never run.
 */
class GuardCasesTest {
    private static final Guard GUARD = Guard.withDefaults();

    record Case(int line, String expected, String command) {
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = GuardCasesTest.class.getResourceAsStream("guard-cases.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.add(new Case(n, line.substring(0, tab), line.substring(tab + 1).replace("⏎", "\n")));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.line() + ": " + c.expected() + " <- " + c.command(),
                () -> {
                    Verdict v = GUARD.check(c.command());
                    assertEquals(c.expected(), v.blocked() ? v.rule() : "allow", () -> "line " + c.line() + " "
                            + c.command() + " -> " + v);
                    if (v.blocked()) {
                        assertNotNull(v.reason());
                        assertTrue(!v.reason().isBlank() && !v.reason().contains("\n"), v.reason());
                    }
                }));
    }

    @Test
    void atLeast150CasesRoughlyHalfDangerous() throws IOException {
        List<Case> all = cases();
        long safe = all.stream().filter(c -> "allow".equals(c.expected())).count();
        assertTrue(all.size() >= 150, "cases: " + all.size());
        assertTrue(safe * 3 >= all.size() && safe * 3 <= 2L * all.size(), "safe " + safe + " of " + all.size());
    }

    @Test
    void everyBuiltInRuleIsCovered() throws IOException {
        List<String> seen = cases().stream().map(Case::expected).distinct().toList();
        for (String rule : GuardRules.BUILT_IN) {
            assertTrue(seen.contains(rule), rule);
        }
    }
}
