package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskRefused;
import dev.orrery.api.ErrorCode;
import dev.orrery.guard.CommandGuard;
import dev.orrery.guard.Verdict;
import java.util.Map;

/**
 * Asks the high-risk guard about a command before anything is spawned. The task's environment
 * variables and working folder are known here, so the guard sees them as assignments and a
 * {@code cd} in front of the command ({@code rm -rf $DIR} with {@code env.DIR=/} is refused).
 */
final class GuardCheck {
    /** The task parameter in which the center names the rule a permitted submitter confirmed. */
    static final String CONFIRMED_PARAM = "confirmedHighRisk";
    private GuardCheck() {
    }

    /**
     * @param guard the guard
     * @param spec the command to run
     * @param confirmed the rule the center let pass for this task (task parameter
     *     {@value #CONFIRMED_PARAM}, inside the center's signature), or {@code null}
     * @return the confirmed rule the command matched, or {@code null} when no rule matched
     * @throws TaskRefused {@code GUARD_REFUSED} naming the rule and what matched
     */
    static String vet(CommandGuard guard, CommandSpec spec, String confirmed) throws TaskRefused {
        Verdict v = guard.check(line(spec));
        if (!v.blocked()) {
            return null;
        }
        if (v.rule().equals(confirmed)) {
            return confirmed;
        }
        throw new TaskRefused(ErrorCode.GUARD_REFUSED, "refused by the high-risk guard, rule " + v.rule() + ": " + v.reason()
                + (confirmed == null ? "" : " (the center confirmed rule " + confirmed + " only)"));
    }

    /** @return the command line as the guard should see it */
    static String line(CommandSpec spec) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : spec.env().entrySet()) {
            b.append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
        }
        if (!spec.cwd().isEmpty()) {
            b.append("cd ").append(quote(spec.cwd())).append('\n');
        }
        return b.append(spec.command()).toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
