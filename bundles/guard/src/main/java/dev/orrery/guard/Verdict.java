package dev.orrery.guard;

/**
 * The outcome of {@link CommandGuard#check(String)}.
 *
 * @param blocked whether the command is refused
 * @param rule the stable id of the rule that matched (e.g. {@code root-destroy}); {@code null} when allowed
 * @param reason one human line naming what matched (e.g. {@code rm -rf on /etc (system folder)});
 *        {@code null} when allowed
 */
public record Verdict(boolean blocked, String rule, String reason) {
    private static final Verdict ALLOWED = new Verdict(false, null, null);

    /** @return the verdict of a command no rule matched */
    public static Verdict allowed() {
        return ALLOWED;
    }

    /**
     * @param rule the rule id
     * @param reason one human line
     * @return a blocked verdict
     */
    public static Verdict blocked(String rule, String reason) {
        return new Verdict(true, rule, reason);
    }
}
