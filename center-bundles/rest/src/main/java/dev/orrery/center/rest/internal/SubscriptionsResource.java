package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.store.ApiAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/**
 * {@code /market/subscriptions}: the plugins each group should run (desired state), and per
 * host what it runs. An account limited to groups subscribes, unsubscribes and sees only its
 * own groups ({@code OUT_OF_SCOPE} otherwise; other groups' subscriptions are not listed).
 */
@Path("/market/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public final class SubscriptionsResource {
    private static final Set<String> FIELDS = Set.of("group", "plugin", "version", "batchSize", "maxFailures");
    private static final int MAX_BATCH = 1_000_000;

    private final MarketService market;

    SubscriptionsResource(MarketService market) {
        this.market = market;
    }

    /** @return 200 with the subscription and its hosts */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permission("market:subscribe")
    public Map<String, Object> subscribe(byte[] body, @Context SecurityContext caller) {
        ApiAccount account = Callers.account(caller);
        JsonNode root = CmdRequestParser.readObject(body);
        Fields.refuseUnknown(root, FIELDS, "");
        String group = name(Fields.requiredText(root, "group"), "group");
        String plugin = name(Fields.requiredText(root, "plugin"), "plugin");
        String version = Fields.optionalText(root, "version");
        if (version != null) {
            version = name(version, "version");
        }
        Integer batch = root.hasNonNull("batchSize") ? Fields.optionalInt(root, "batchSize", 0, 1, MAX_BATCH) : null;
        Integer failures = root.hasNonNull("maxFailures") ? Fields.optionalInt(root, "maxFailures", 0, 0, MAX_BATCH) : null;
        inScope(account, group);
        return MarketViews.subscription(market.subscribe(new SubscriptionRequest(group, plugin, version, batch, failures, account.keyId())));
    }

    /** @return 204, or 404 when the group had no subscription to the plugin */
    @DELETE
    @Path("/{group}/{plugin}")
    @Permission("market:subscribe")
    public Response unsubscribe(@PathParam("group") String group, @PathParam("plugin") String plugin, @Context SecurityContext caller) {
        ApiAccount account = Callers.account(caller);
        inScope(account, group);
        if (!market.unsubscribe(group, plugin, account.keyId())) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "group '" + group + "' has no subscription to plugin '" + plugin + "'");
        }
        return Response.noContent().build();
    }

    /** @return {@code {"subscriptions":[…]}}, of one group or of all the caller sees */
    @GET
    @Permission("market:read")
    public Map<String, Object> list(@QueryParam("group") String group, @Context SecurityContext caller) {
        ApiAccount account = Callers.account(caller);
        String g = group == null || group.isBlank() ? null : group.strip();
        if (g != null && outside(account, g)) {
            return Map.of("subscriptions", List.of());
        }
        return Map.of("subscriptions", market.subscriptions(g).stream().filter(s -> !outside(account, s.subscription().group()))
                .map(MarketViews::subscription).toList());
    }

    private static void inScope(ApiAccount account, String group) {
        if (outside(account, group)) {
            throw new OrreryException(ErrorCode.OUT_OF_SCOPE, "this account may only manage the groups " + String.join(", ", account.groups()),
                    List.of(group));
        }
    }

    private static boolean outside(ApiAccount account, String group) {
        return !account.groups().isEmpty() && !account.groups().contains(group);
    }

    /** @return the value, if it is a non-blank name without spaces of at most 255 characters */
    private static String name(String value, String field) {
        if (value.isBlank() || value.length() > Fields.MAX_TARGET_CHARS || !value.chars().noneMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            throw Fields.invalid(field + " must be a name without spaces, 1 to " + Fields.MAX_TARGET_CHARS + " characters");
        }
        return value;
    }
}
