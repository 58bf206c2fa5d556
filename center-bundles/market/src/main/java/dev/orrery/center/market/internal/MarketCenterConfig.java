package dev.orrery.center.market.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.center.market}: uploads, rollouts and the first-start import. */
@ObjectClassDefinition(name = "Orrery center marketplace",
        description = "Keeps uploaded plugin bundles and rolls the groups' subscriptions out to their hosts.")
public @interface MarketCenterConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.center.market";

    @AttributeDefinition(name = "Largest plugin (bytes)", min = "1", max = "268435456",
            description = "Largest plugin jar accepted by an upload (CONTENT_TOO_LARGE above). Every install task carries the jar.")
    long maxPluginBytes() default 4194304;

    @AttributeDefinition(name = "Batch size", min = "1", max = "10000",
            description = "Default for a subscription: most hosts of its group installing at once.")
    int batchSize() default 20;

    @AttributeDefinition(name = "Failures tolerated", min = "0", max = "100000",
            description = "Default for a subscription: failed hosts tolerated before its rollout pauses (0: the first failure pauses it).")
    int maxFailures() default 0;

    @AttributeDefinition(name = "Reconcile interval (seconds)", min = "1", max = "3600",
            description = "How often the subscriptions are compared with what the hosts report (also at once after a change).")
    int reconcileSeconds() default 2;

    @AttributeDefinition(name = "Install timeout (seconds)", min = "1", max = "86400",
            description = "Timeout of each install or uninstall task on its host.")
    int installTimeoutSeconds() default 120;

    @AttributeDefinition(name = "Least time between two sends (seconds)", min = "1", max = "86400",
            description = "An install or uninstall of one plugin to one host is not sent again more often than this.")
    int minRetrySeconds() default 30;

    @AttributeDefinition(name = "Import folder",
            description = "Folder whose *.jar plugins are uploaded at the first start (by orrery-import); the marker file "
                    + "${karaf.data}/orrery/market-imported makes it happen once. Empty: no import.")
    String importDir() default "${karaf.home}/market";
}
