package dev.orrery.guard.internal;

import dev.orrery.guard.CommandGuard;
import dev.orrery.guard.Guard;
import dev.orrery.guard.GuardRules;
import dev.orrery.guard.Verdict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link CommandGuard} service, configured by PID {@code dev.orrery.guard}; a configuration
 * change re-creates it. An invalid setting (bad regex, unknown rule id...) fails the activation
 * with a message naming the setting, so no guard service exists and the components that need one
 * (the cmd handler, the proxy) stay unsatisfied: fail closed.
 */
@Component(service = CommandGuard.class, configurationPid = GuardConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GuardConfig.class)
public final class GuardComponent implements CommandGuard {
    private final Guard guard;

    /**
     * @param config the settings
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public GuardComponent(GuardConfig config) {
        this.guard = new Guard(rules(config));
    }

    /**
     * @param config the settings
     * @return the validated rules
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    static GuardRules rules(GuardConfig config) {
        GuardRules.Builder b = GuardRules.builder().enabled(config.enabled());
        for (String p : nonNull(config.systemPaths())) {
            if (!p.isBlank()) {
                b.systemPath(p);
            }
        }
        for (String rule : nonNull(config.extraRules())) {
            if (rule.isBlank()) {
                continue;
            }
            int eq = rule.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("extraRules: '" + rule + "' is not id=regex");
            }
            b.extraRule(rule.substring(0, eq), rule.substring(eq + 1));
        }
        for (String id : nonNull(config.disabledRules())) {
            if (!id.isBlank()) {
                b.disable(id);
            }
        }
        return b.build();
    }

    private static String[] nonNull(String[] values) {
        return values == null ? new String[0] : values;
    }

    @Override
    public Verdict check(String command) {
        return guard.check(command);
    }
}
