package dev.orrery.center.rest.internal;

import dev.orrery.center.market.MarketService;
import dev.orrery.center.proxy.TaskService;
import java.util.ArrayList;
import java.util.List;

/** The marketplace's resources, as {@link RestServer} serves them. */
final class MarketResources {
    private MarketResources() {
    }

    /**
     * @param market the marketplace, {@code null} while it is not running
     * @param tasks the proxy
     * @param maxTargets most target names per request
     * @param security permissions
     * @return {@code POST /plugin} always (it answers 404 naming the missing marketplace), and
     *     {@code /market/plugins}, {@code /market/subscriptions}, {@code /market/repository.xml} while the marketplace runs
     */
    static List<Object> of(MarketService market, TaskService tasks, int maxTargets, ApiSecurity security) {
        List<Object> resources = new ArrayList<>();
        resources.add(new PluginResource(tasks, market, maxTargets, security));
        if (market != null) {
            resources.add(new MarketResource(market));
            resources.add(new SubscriptionsResource(market));
            resources.add(new RepositoryResource(market));
        }
        return resources;
    }
}
