package dev.orrery.center.market.internal.rollout;

import dev.orrery.center.market.SubscriptionStatus.HostPlugin;
import dev.orrery.center.store.SubscriptionRecord;
import java.util.List;

/**
 * Where each host of a subscription's group stands. A host is judged against the version it
 * should run (its desired version, the highest its groups subscribe to):
 * {@code INSTALLED} when it reports that version, or this center's install of it succeeded and
 * the status has not caught up yet; {@code INSTALLING} while that install runs; {@code FAILED}
 * when the install ended otherwise, or the agent reports that version as its last failed install
 * (unless the group subscribed again since); else {@code PENDING}.
 * <p>
 * A host whose desired version comes from another group's higher subscription is not this
 * subscription's business: it never counts as this rollout's failure nor in its batches, and it
 * satisfies this subscription once it runs this version or a higher one.
 */
public final class Judge {
    static final String INSTALLED = "INSTALLED";
    static final String PENDING = "PENDING";
    static final String INSTALLING = "INSTALLING";
    static final String FAILED = "FAILED";
    static final String PAUSED = "PAUSED";

    /**
     * One host of a subscription.
     *
     * @param view what the API shows
     * @param own whether its desired version is this subscription's
     * @param capable whether it reports a {@code plugins} section
     * @param satisfied whether it counts as done for this subscription
     */
    record Row(HostPlugin view, boolean own, boolean capable, boolean satisfied) {
        String state() {
            return view.state();
        }
    }

    private Judge() {
    }

    /**
     * @param s a subscription
     * @param snap the moment
     * @param attempts the installs sent
     * @return one row per host of the group, by host id
     */
    static List<Row> rows(SubscriptionRecord s, Snapshot snap, Attempts attempts) {
        return snap.hosts(s.group()).stream().map(h -> row(s, h, snap, attempts)).toList();
    }

    /**
     * @return the rows as the API shows them: in a paused rollout every host neither installed nor
     *     failed shows {@code PAUSED}
     */
    public static List<HostPlugin> view(SubscriptionRecord s, Snapshot snap, Attempts attempts) {
        boolean paused = PAUSED.equals(s.state());
        return rows(s, snap, attempts).stream().map(Row::view).map(v -> !paused || INSTALLED.equals(v.state()) || FAILED.equals(v.state()) ? v
                : new HostPlugin(v.hostId(), v.online(), v.desired(), v.actual(), PAUSED, v.error())).toList();
    }

    private static Row row(SubscriptionRecord s, String h, Snapshot snap, Attempts attempts) {
        String desired = snap.desired(h).getOrDefault(s.plugin(), s.version());
        PluginsSection.Reported r = snap.reported(h).get(s.plugin());
        String actual = r == null ? null : r.version();
        String state = PENDING;
        String error = null;
        Attempts.Attempt a = attempts.get(h, s.plugin(), desired);
        if (Versions.same(actual, desired)) {
            state = INSTALLED;
        } else if (a != null) {
            state = a.running() ? INSTALLING : a.error() == null ? INSTALLED : FAILED;
            error = a.error();
        } else if (r != null && Versions.same(r.failedVersion(), desired)
                && !attempts.forgiven(h, s.plugin(), desired)) {
            state = FAILED;
            error = r.error() == null ? "PLUGIN_FAILED: " + s.plugin() + " " + desired + " failed" : r.error();
        }
        boolean own = Versions.same(desired, s.version());
        boolean satisfied = INSTALLED.equals(state) || !own && Versions.compare(actual, s.version()) >= 0;
        return new Row(new HostPlugin(h, snap.online(h), desired, actual, state, error), own, snap.capable(h), satisfied);
    }
}
