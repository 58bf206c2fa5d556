package dev.orrery.guard;

import dev.orrery.guard.internal.Analyzer;

/**
 * The guard itself: parses a command line like a POSIX shell / bash would (without running
 * anything) and applies the built-in and extra rules of its {@link GuardRules}. Thread-safe;
 * usable without OSGi ({@code Guard.withDefaults().check("rm -rf /")}).
 */
public final class Guard implements CommandGuard {
    private final GuardRules rules;

    /** @param rules the rules to apply */
    public Guard(GuardRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
    }

    /** @return a guard with every built-in rule on */
    public static Guard withDefaults() {
        return new Guard(GuardRules.defaults());
    }

    /** @return the rules this guard applies */
    public GuardRules rules() {
        return rules;
    }

    @Override
    public Verdict check(String command) {
        if (!rules.enabled() || command == null) {
            return Verdict.allowed();
        }
        return new Analyzer(rules).check(command);
    }
}
